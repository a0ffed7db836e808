package org.parley.ingest.source;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Pulls the headline, the paragraphs and the publication metadata out of an HTML page with jsoup. */
final class HtmlExtractor {
    /** Meta tags that carry the publication date, most specific first. */
    private static final List<String> DATE_META = List.of(
            "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
            "publish-date", "publication_date", "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created",
            "date", "sailthru.date", "parsely-pub-date", "citation_publication_date", "citation_date",
            "article.published", "published_time", "og:published_time", "dc.date.created", "originalpublicationdate");

    /** Parts of a page that are never article text. */
    private static final String CHROME = "script, style, noscript, template, nav, aside, footer, form, button, "
            + "iframe, svg, figure, figcaption, [role=navigation], [role=banner], [role=contentinfo], "
            + "[aria-hidden=true], .advertisement, .ad, .ads, .share, .social, .related, .comments";

    private static final String BLOCKS = "p, h2, h3, h4, h5, h6, li, blockquote, pre";

    private HtmlExtractor() {
    }

    static Draft extract(String html, String origin, Instant fileTime) {
        Document doc = Jsoup.parse(html);
        Map<String, String> meta = metaTags(doc);

        String title = firstNonBlank(meta.get("og:title"), meta.get("twitter:title"), text(doc.selectFirst("h1")),
                doc.title());
        LocalDate date = null;
        String dateFrom = null;
        for (String key : DATE_META) {
            date = Dates.parseOrNull(meta.get(key));
            if (date != null) {
                dateFrom = "html-meta";
                break;
            }
        }
        if (date == null) {
            date = jsonLdDate(doc);
            dateFrom = date == null ? null : "json-ld";
        }
        if (date == null) {
            // The article's own time tag first: a page header may carry a clock or "last updated" elsewhere.
            for (Element time : doc.select("article time[datetime], time[pubdate][datetime], "
                    + "time[itemprop=datePublished][datetime], time[datetime]")) {
                date = Dates.parseOrNull(time.attr("datetime"));
                if (date != null) {
                    dateFrom = "time-tag";
                    break;
                }
            }
        }
        Element canonical = doc.selectFirst("link[rel=canonical][href]");
        String url = firstNonBlank(canonical == null ? null : canonical.attr("href"), meta.get("og:url"));
        String source = firstNonBlank(meta.get("og:site_name"), meta.get("application-name"));

        return new Draft(origin, Format.HTML, title, paragraphs(doc), date, url, source, fileTime, dateFrom);
    }

    private static final java.util.regex.Pattern JSON_LD_DATE =
            java.util.regex.Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]{4,40})\"");

    /** {@code datePublished} of the page's schema.org JSON-LD, which news sites use for search engines. */
    private static LocalDate jsonLdDate(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            java.util.regex.Matcher m = JSON_LD_DATE.matcher(script.data());
            if (m.find()) {
                LocalDate d = Dates.parseOrNull(m.group(1));
                if (d != null) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Meta tag contents by lower-cased property, name or itemprop; the first tag of each name wins. */
    private static Map<String, String> metaTags(Document doc) {
        Map<String, String> meta = new java.util.HashMap<>();
        for (Element m : doc.select("meta[content]")) {
            for (String attr : new String[] {"property", "name", "itemprop"}) {
                String key = m.attr(attr);
                if (!key.isBlank()) {
                    meta.putIfAbsent(key.trim().toLowerCase(Locale.ROOT), m.attr("content").trim());
                }
            }
        }
        return meta;
    }

    /** The article's text blocks in document order, blank-line separated; nested blocks are taken once. */
    private static String paragraphs(Document doc) {
        Element root = doc.selectFirst("article");
        if (root != null) {
            root = root.clone();
            root.select(CHROME).remove();
        } else {
            Element body = doc.body().clone();
            body.select(CHROME).remove();
            root = densestParagraphBlock(body);
            if (root == null) {
                root = body;
            }
        }
        root.select("h1").remove();

        Elements blocks = root.select(BLOCKS);
        Set<Element> taken = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> out = new ArrayList<>();
        for (Element block : blocks) {
            if (hasTakenAncestor(block, taken)) {
                continue;
            }
            taken.add(block);
            String t = block.text().trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        if (out.isEmpty()) {
            String t = root.text().trim();
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return String.join("\n\n", out);
    }

    /**
     * Without an {@code <article>}, the article is taken to be the element holding the most paragraph text in
     * its own {@code <p>} children: menus, teasers and footers hold short paragraphs or none.
     */
    private static Element densestParagraphBlock(Element body) {
        Map<Element, Integer> textByParent = new IdentityHashMap<>();
        Element best = null;
        int bestLength = 0;
        for (Element p : body.select("p")) {
            Element parent = p.parent();
            if (parent == null) {
                continue;
            }
            int length = textByParent.merge(parent, p.text().length(), Integer::sum);
            if (length > bestLength) {
                best = parent;
                bestLength = length;
            }
        }
        return best;
    }

    private static boolean hasTakenAncestor(Element e, Set<Element> taken) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (taken.contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Element e) {
        return e == null ? null : e.text();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }
}
