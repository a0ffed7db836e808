package org.parley.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PageTextTest {
    private static final String STORY = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks.";

    @Test
    void withoutAnArticleTheDensestBlockOfParagraphsIsTheStory() throws BadInputException {
        String html = "<html><head><meta property=\"article:published_time\" content=\"2025-02-27T10:00:00Z\">"
                + "</head><body><div><p>Home</p><p>World</p><p>Sport</p></div>"
                + "<div id=\"story\"><h2>Talks resume</h2><p>" + STORY + "</p><p>Both sides welcomed it.</p></div>"
                + "<div><p>Short teaser.</p></div></body></html>";
        Draft d = PageText.extract(html.getBytes(StandardCharsets.UTF_8), null, "http://x/story");
        // The block keeps its own subheading; the menu and the teaser around it are gone.
        assertThat(d.body()).isEqualTo("Talks resume\n\n" + STORY + "\n\nBoth sides welcomed it.");
        assertThat(d.origin()).isEqualTo("http://x/story");
        assertThat(d.url()).isEqualTo("http://x/story");
        assertThat(d.metadataDate()).isEqualTo(LocalDate.of(2025, 2, 27));
    }

    @Test
    void theArticleElementWinsOverDenserBlocks() throws BadInputException {
        String html = "<body><div><p>" + STORY.repeat(3) + "</p></div><article><p>The real story.</p></article>"
                + "</body>";
        assertThat(PageText.extract(html.getBytes(StandardCharsets.UTF_8), null, "u").body())
                .isEqualTo("The real story.");
    }

    @Test
    void theHttpCharsetIsUsed() throws BadInputException {
        byte[] latin1 = ("<p>Caf\u00e9 talks ended.</p>").getBytes(StandardCharsets.ISO_8859_1);
        assertThat(PageText.extract(latin1, Charset.forName("ISO-8859-1"), "u").body()).isEqualTo(
                "Caf\u00e9 talks ended.");
        assertThatThrownBy(() -> PageText.extract(latin1, null, "u")).isInstanceOf(BadInputException.class)
                .hasMessageStartingWith("not valid UTF-8");
    }

    @Test
    void emptyAndBinaryPagesAreBadInput() {
        assertThatThrownBy(() -> PageText.extract(new byte[0], null, "u")).hasMessage("empty page");
        assertThatThrownBy(() -> PageText.extract(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0}, null, "u"))
                .hasMessageStartingWith("binary page");
        assertThatThrownBy(() -> PageText.extract("<html><body><nav>Menu</nav></body></html>"
                .getBytes(StandardCharsets.UTF_8), null, "u")).hasMessage("no article text on the page");
    }
}
