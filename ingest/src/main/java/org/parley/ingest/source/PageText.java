package org.parley.ingest.source;

import java.nio.charset.Charset;

/** Turns a fetched web page into a draft: the same checks and extraction as an {@code .html} file. */
public final class PageText {
    private PageText() {
    }

    /**
     * The page's headline, article text and metadata.
     *
     * @param bytes       the response body
     * @param httpCharset the charset the Content-Type header names, or null (then the page's meta tag, or UTF-8)
     * @param url         the page's address, used as the draft's origin and URL
     */
    public static Draft extract(byte[] bytes, Charset httpCharset, String url) throws BadInputException {
        if (bytes.length == 0) {
            throw new BadInputException("empty page");
        }
        TextDecoding.requireText(bytes, bytes.length, "page");
        String html = httpCharset != null ? TextDecoding.decode(bytes, bytes.length, httpCharset, true)
                : TextDecoding.html(bytes, bytes.length);
        Draft d = HtmlExtractor.extract(html, url, null);
        if (d.body().isBlank()) {
            throw new BadInputException("no article text on the page");
        }
        return new Draft(url, Format.HTML, d.title(), d.body(), d.metadataDate(), d.url() != null ? d.url() : url,
                d.source(), null, d.dateFrom());
    }
}
