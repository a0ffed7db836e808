package org.parley.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReaderTest {
    private static final long LIMIT = 10_000;
    private static final String BODY = "The foreign ministers met in Geneva on Tuesday and agreed to resume talks.";

    @TempDir
    Path dir;

    private final InputReader reader = new InputReader(LIMIT);

    private Collected read(Path... paths) {
        Collected c = new Collected();
        reader.read(List.of(paths), null, c);
        return c;
    }

    private Path write(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, content, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    // --- formats ---

    @Test
    void textFileBecomesOneDraftWithItsFileTime() throws IOException {
        Path f = write("a.txt", "\uFEFF" + BODY + "\n");
        Instant mtime = Instant.parse("2025-02-27T10:15:30Z");
        Files.setLastModifiedTime(f, FileTime.from(mtime));

        Collected c = read(f);

        assertThat(c.bad).isEmpty();
        assertThat(c.drafts).singleElement().satisfies(d -> {
            assertThat(d.origin()).isEqualTo(f.toString());
            assertThat(d.format()).isEqualTo(Format.TXT);
            assertThat(d.body()).isEqualTo(BODY + "\n");
            assertThat(d.title()).isNull();
            assertThat(d.metadataDate()).isNull();
            assertThat(d.fileTime()).isEqualTo(mtime);
        });
    }

    @Test
    void htmlGivesTitleParagraphsAndMetadata() throws IOException {
        Path f = write("page.html", """
                <!doctype html><html lang="en"><head>
                <title>Talks resume | Example News</title>
                <meta property="og:title" content="Talks resume in Geneva">
                <meta property="og:site_name" content="Example News">
                <meta property="article:published_time" content="2025-02-27T21:30:00-05:00">
                <link rel="canonical" href="https://news.example/talks">
                <script>var tracking = "do not keep";</script>
                </head><body>
                <nav><ul><li>Home</li><li>World</li></ul></nav>
                <article><h1>Talks resume in Geneva</h1>
                <p>The foreign ministers met in <b>Geneva</b> on Tuesday.</p>
                <h2>What comes next</h2>
                <p>They agreed   to meet again.</p>
                <aside><p>Related: another story</p></aside>
                <blockquote><p>We are hopeful, the minister said.</p></blockquote>
                </article>
                <footer><p>Copyright footer</p></footer>
                </body></html>
                """);

        Collected c = read(f);

        assertThat(c.bad).isEmpty();
        Draft d = c.drafts.get(0);
        assertThat(d.format()).isEqualTo(Format.HTML);
        assertThat(d.title()).isEqualTo("Talks resume in Geneva");
        assertThat(d.body()).isEqualTo("The foreign ministers met in Geneva on Tuesday.\n\nWhat comes next\n\n"
                + "They agreed to meet again.\n\nWe are hopeful, the minister said.");
        assertThat(d.metadataDate()).isEqualTo(LocalDate.of(2025, 2, 27));
        assertThat(d.url()).isEqualTo("https://news.example/talks");
        assertThat(d.source()).isEqualTo("Example News");
    }

    @Test
    void htmlWithoutMetadataFallsBackToH1AndTitle() throws IOException {
        Path withH1 = write("a.htm", "<html><body><h1>Headline here</h1><p>" + BODY + "</p></body></html>");
        Path titleOnly = write("b.html", "<html><head><title>Page title</title></head><body><p>" + BODY
                + "</p></body></html>");

        Collected c = read(withH1, titleOnly);

        assertThat(c.drafts).extracting(Draft::title, Draft::body, Draft::metadataDate)
                .containsExactly(tuple("Headline here", BODY, null), tuple("Page title", BODY, null));
    }

    @Test
    void htmlInItsDeclaredCharsetIsDecodedInThatCharset() throws IOException {
        byte[] page = "<html><head><meta charset=\"windows-1252\"></head><body><p>Caf\u00e9 talks</p></body></html>"
                .getBytes(StandardCharsets.ISO_8859_1);
        Path f = write("legacy.html", page);

        Collected c = read(f);

        assertThat(c.bad).isEmpty();
        assertThat(c.drafts.get(0).body()).isEqualTo("Caf\u00e9 talks");
    }

    @Test
    void jsonObjectGivesAllFields() throws IOException {
        Path f = write("a.json", """
                {"title": "Talks resume", "text": "%s", "date": "2025-02-27",
                 "url": "https://news.example/a", "source": "Example News", "extra": 1}
                """.formatted(BODY));

        Collected c = read(f);

        assertThat(c.bad).isEmpty();
        assertThat(c.drafts).singleElement().satisfies(d -> {
            assertThat(d.format()).isEqualTo(Format.JSON);
            assertThat(d.title()).isEqualTo("Talks resume");
            assertThat(d.body()).isEqualTo(BODY);
            assertThat(d.metadataDate()).isEqualTo(LocalDate.of(2025, 2, 27));
            assertThat(d.url()).isEqualTo("https://news.example/a");
            assertThat(d.source()).isEqualTo("Example News");
        });
    }

    @Test
    void jsonDatesMayBeTimestamps() throws IOException {
        Path f = write("a.json", "{\"text\": \"x y z\", \"date\": \"2025-02-27T23:30:00Z\"}");

        assertThat(read(f).drafts.get(0).metadataDate()).isEqualTo(LocalDate.of(2025, 2, 27));
    }

    @Test
    void jsonLinesPublishGoodLinesAndNameEachBadLine() throws IOException {
        Path f = write("batch.jsonl", String.join("\n",
                "{\"title\": \"One\", \"text\": \"First article.\"}",
                "",
                "{\"text\": \"Second article.\", \"date\": \"2025-03-01\"}",
                "{\"text\": \"unterminated",
                "[1, 2]",
                "{\"title\": \"no text\"}",
                "{\"text\": \"Bad date.\", \"date\": \"last Tuesday\"}",
                "{\"text\": \"Third article.\"}\r",
                ""));

        Collected c = read(f);

        assertThat(c.drafts).extracting(Draft::origin, Draft::body)
                .containsExactly(tuple(f + ":1", "First article."), tuple(f + ":3", "Second article."),
                        tuple(f + ":8", "Third article."));
        assertThat(c.drafts.get(1).metadataDate()).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(c.bad).extracting(BadInput::origin)
                .containsExactly(f + ":4", f + ":5", f + ":6", f + ":7");
        assertThat(c.bad.get(0).reason()).startsWith("malformed JSON").contains("column");
        assertThat(c.bad.get(0).payload()).isEqualTo("{\"text\": \"unterminated");
        assertThat(c.bad.get(1).reason()).contains("expected one JSON object").contains("array");
        assertThat(c.bad.get(2).reason()).contains("no \"text\"");
        assertThat(c.bad.get(3).reason()).contains("date").contains("last Tuesday");
    }

    @Test
    void jsonLinesLimitIsPerLine() throws IOException {
        String longText = "word ".repeat((int) LIMIT / 5 + 10);
        Path f = write("batch.jsonl", "{\"text\": \"short one\"}\n{\"text\": \"" + longText + "\"}\n"
                + "{\"text\": \"short two\"}\n" + "{\"text\": \"more\"}\n".repeat(1000));
        assertThat(Files.size(f)).isGreaterThan(LIMIT);

        Collected c = read(f);

        assertThat(c.drafts).hasSize(1002);
        assertThat(c.bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).isEqualTo(f + ":2");
            assertThat(b.reason()).contains("line too large").contains("--max-bytes");
        });
    }

    @Test
    void jsonLineInInvalidUtf8IsRejectedByItself() throws IOException {
        byte[] good = "{\"text\": \"fine\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"text\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        Path f = dir.resolve("mixed.jsonl");
        Files.write(f, good);
        Files.write(f, bad, java.nio.file.StandardOpenOption.APPEND);
        Files.write(f, good, java.nio.file.StandardOpenOption.APPEND);

        Collected c = read(f);

        assertThat(c.origins()).containsExactly(f + ":1", f + ":3");
        assertThat(c.bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).isEqualTo(f + ":2");
            assertThat(b.reason()).contains("not valid UTF-8").contains("0xE9").contains("column 14");
        });
    }

    // --- bad input ---

    @Test
    void unreadableFileIsRejectedAndTheRestStillRead() throws IOException {
        Path locked = write("locked.txt", BODY);
        Path ok = write("ok.txt", BODY);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        // root reads files whatever their permission bits: there is nothing to test then.
        Assumptions.assumeFalse(Files.isReadable(locked), "running as root: permissions are not enforced");

        Collected c = read(dir);

        assertThat(c.origins()).containsExactly(ok.toString());
        assertThat(c.bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).isEqualTo(locked.toString());
            assertThat(b.reason()).isEqualTo("cannot read: permission denied");
        });
    }

    @Test
    void brokenSymbolicLinkIsRejectedAsUnreadable() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("gone.txt"), dir.resolve("deleted-target.txt"));
        Path ok = write("ok.txt", BODY);

        Collected c = read(dir);

        assertThat(c.origins()).containsExactly(ok.toString());
        assertThat(c.bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).isEqualTo(link.toString());
            assertThat(b.reason()).startsWith("cannot read").contains("broken symbolic link");
        });
    }

    @Test
    void binaryFilesAreRejected() throws IOException {
        Path png = write("image.txt", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13});
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 3 == 0 ? 0x01 : 'a');
        }
        Path noisy = write("noisy.html", controls);
        Path utf16 = write("wide.txt", BODY.getBytes(StandardCharsets.UTF_16));

        Collected c = read(png, noisy, utf16);

        assertThat(c.drafts).isEmpty();
        assertThat(c.bad).extracting(BadInput::origin, BadInput::reason).containsExactly(
                tuple(png.toString(), "binary file: contains NUL bytes (first at byte offset 8)"),
                tuple(noisy.toString(), "binary file: 34% of the first 200 bytes are control characters"),
                tuple(utf16.toString(), "UTF-16 encoded text is not supported; save the file as UTF-8"));
    }

    @Test
    void emptyFilesAreRejected() throws IOException {
        Path empty = write("empty.txt", "");
        Path blank = write("blank.json", " \n\t\n");
        Path noLines = write("nothing.jsonl", "\n\n");

        Collected c = read(empty, blank, noLines);

        assertThat(c.drafts).isEmpty();
        assertThat(c.bad).extracting(BadInput::origin, BadInput::reason).containsExactly(
                tuple(empty.toString(), "empty file"),
                tuple(blank.toString(), "empty file: only whitespace"),
                tuple(noLines.toString(), "empty file: no JSON lines"));
    }

    @Test
    void oversizedFileIsRejectedWithTheLimit() throws IOException {
        Path big = write("big.txt", "x".repeat((int) LIMIT + 1));
        Path exact = write("exact.txt", "x".repeat((int) LIMIT));

        Collected c = read(big, exact);

        assertThat(c.origins()).containsExactly(exact.toString());
        assertThat(c.bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).isEqualTo(big.toString());
            assertThat(b.reason()).isEqualTo("file too large: 10,001 bytes, over the limit of 10,000 bytes (--max-bytes)");
        });
    }

    @Test
    void invalidUtf8IsRejectedWithItsPosition() throws IOException {
        Path latin1 = write("latin1.txt", ("First line\nThe caf\u00e9 closed.\n").getBytes(StandardCharsets.ISO_8859_1));
        Path truncated = write("cut.txt", new byte[] {'a', 'b', (byte) 0xE2, (byte) 0x82});

        Collected c = read(latin1, truncated);

        assertThat(c.drafts).isEmpty();
        assertThat(c.bad).extracting(BadInput::reason).containsExactly(
                "not valid UTF-8: byte 0xE9 at line 2, column 8; save the file as UTF-8",
                "not valid UTF-8: byte 0xE2 at line 1, column 3; save the file as UTF-8");
    }

    @Test
    void malformedJsonFileIsRejectedWithLineAndColumn() throws IOException {
        Path f = write("bad.json", "{\n  \"text\": \"x\",\n  oops\n}");
        Path array = write("many.json", "[{\"text\": \"a\"}]");
        Path two = write("two.json", "{\"text\": \"a\"} {\"text\": \"b\"}");

        Collected c = read(f, array, two);

        assertThat(c.drafts).isEmpty();
        assertThat(c.bad.get(0).reason()).startsWith("malformed JSON").contains("line 3");
        assertThat(c.bad.get(0).payload()).contains("oops");
        assertThat(c.bad.get(1).reason()).contains(".jsonl");
        assertThat(c.bad.get(2).reason()).startsWith("malformed JSON");
    }

    @Test
    void missingPathIsRejected() {
        Path missing = dir.resolve("no-such-folder");

        Collected c = read(missing);

        assertThat(c.bad).extracting(BadInput::origin, BadInput::reason)
                .containsExactly(tuple(missing.toString(), "no such file or folder"));
    }

    // --- folders ---

    @Test
    void foldersAreWalkedRecursivelyInOrderSkippingHiddenFilesAndRejectingUnknownTypes() throws IOException {
        Path b = write("b.txt", BODY);
        Path a = write("sub/deeper/a.json", "{\"text\": \"x\"}");
        Path c1 = write("c.htm", "<p>" + BODY + "</p>");
        write(".hidden.txt", BODY);
        write(".git/config.txt", BODY);
        Path notes = write("notes.md", "# notes");

        Collected c = read(dir);

        assertThat(c.origins()).containsExactly(b.toString(), c1.toString(), a.toString());
        assertThat(c.bad).extracting(BadInput::origin, BadInput::reason).containsExactly(tuple(notes.toString(),
                "unsupported file type '.md' (ingest reads .txt, .html, .htm, .json, .jsonl)"));
    }

    @Test
    void globSelectsFilesByNameOrRelativePath() throws IOException {
        Path top = write("a.txt", BODY);
        Path deep = write("x/y/b.txt", BODY);
        write("x/c.json", "{\"text\": \"x\"}");
        write("notes.md", "# not selected, so not rejected");

        Collected byName = new Collected();
        reader.read(List.of(dir), "*.txt", byName);
        Collected byPath = new Collected();
        reader.read(List.of(dir), "x/**", byPath);

        assertThat(byName.origins()).containsExactly(top.toString(), deep.toString());
        assertThat(byName.bad).isEmpty();
        assertThat(byPath.origins()).containsExactly(dir.resolve("x/c.json").toString(), deep.toString());
    }

    // --- stdin ---

    @Test
    void stdinTextIsOneArticle() {
        Collected c = new Collected();
        reader.readStdin(new StringReader("\n\nHeadline here\n\n" + BODY + "\n"), "stdin", c);

        assertThat(c.bad).isEmpty();
        assertThat(c.drafts).singleElement().satisfies(d -> {
            assertThat(d.origin()).isEqualTo("stdin");
            assertThat(d.body()).contains("Headline here").contains(BODY);
            assertThat(d.fileTime()).isNull();
        });
    }

    @Test
    void stdinJsonLinesAreArticlesEachNamedByLine() {
        Collected c = new Collected();
        reader.readStdin(new StringReader("\n{\"text\": \"one\"}\nnot json\n\n{\"text\": \"two\"}\n"), "stdin", c);

        assertThat(c.origins()).containsExactly("stdin:2", "stdin:5");
        assertThat(c.bad).extracting(BadInput::origin).containsExactly("stdin:3");
    }

    @Test
    void stdinNamesTheLineOfAnEncodingError() {
        Collected c = new Collected();
        byte[] head = "{\"text\": \"one\"}\n{\"text\": \"two\"}\n{\"text\": \"th".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "ree\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, input, 0, head.length);
        input[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, input, head.length + 1, tail.length);
        reader.readStdin(new java.io.ByteArrayInputStream(input), "stdin", c);
        assertThat(c.origins()).containsExactly("stdin:1", "stdin:2");
        assertThat(c.bad).singleElement().satisfies(b -> {
            assertThat(b.origin()).isEqualTo("stdin:3");
            assertThat(b.reason()).startsWith("not valid UTF-8: byte 0xFF at column 13");
        });
    }

    @Test
    void stdinBadInputIsRejected() {
        Collected empty = new Collected();
        reader.readStdin(new StringReader(" \n\n"), "stdin", empty);
        Collected big = new Collected();
        reader.readStdin(new StringReader("word ".repeat((int) LIMIT)), "stdin", big);
        Collected binary = new Collected();
        reader.readStdin(new StringReader("abc\u0000def"), "stdin", binary);
        Collected latin1 = new Collected();
        byte[] bytes = "ok line\nthe caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        reader.readStdin(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)), "stdin", latin1);

        assertThat(empty.bad).extracting(BadInput::reason).containsExactly("empty input");
        assertThat(big.bad).singleElement().satisfies(b -> assertThat(b.reason()).startsWith("input too large"));
        assertThat(binary.bad).singleElement().satisfies(b -> assertThat(b.reason()).startsWith("binary input"));
        assertThat(latin1.bad).singleElement().satisfies(b -> assertThat(b.reason()).contains("not valid UTF-8"));
        assertThat(empty.drafts).isEmpty();
        assertThat(big.drafts).isEmpty();
        assertThat(binary.drafts).isEmpty();
        assertThat(latin1.drafts).isEmpty();
    }
}
