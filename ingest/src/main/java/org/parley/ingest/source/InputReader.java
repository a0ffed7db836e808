package org.parley.ingest.source;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * Reads files, folders and standard input into {@link Draft}s, reporting every input it cannot use as a
 * {@link BadInput} and going on with the rest.
 *
 * <ul>
 *   <li>Folders are walked recursively in name order, following symbolic links (loops are reported). Hidden
 *       files and folders (names starting with a dot) are skipped. A glob, when given, selects files by their
 *       path relative to the folder or by their name; files named on the command line are always read.</li>
 *   <li>A file of a type ingest does not read is rejected, so that nothing in a folder is dropped silently.
 *       A sidecar ({@code NAME.meta.json}, see {@link Sidecar}) is read with its article, not on its own.</li>
 *   <li>The size limit applies per file, except for JSON-lines input, where it applies per line: a bulk file
 *       of many articles is streamed, and each line is an article of its own. A bad line is rejected as
 *       {@code file:line} and the good lines of the same file are still published.</li>
 * </ul>
 */
public final class InputReader {
    /** How much of a rejected input is kept in its dead letter. */
    static final int PAYLOAD_CHARS = 4096;

    private final long maxBytes;

    public InputReader(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads each path: a folder is walked, anything else is read as a file. */
    public void read(List<Path> paths, String glob, DraftSink sink) {
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                readFolder(p, glob, sink);
            } else {
                readFile(p, sink);
            }
        }
    }

    /** Reads every file under a folder that the glob (null: all) selects. */
    public void readFolder(Path root, String glob, DraftSink sink) {
        for (Path file : listFolder(root, glob, sink)) {
            readFile(file, sink);
        }
    }

    /** The files under a folder that the glob selects, in path order; folders it cannot list go to the sink. */
    public List<Path> listFolder(Path root, String glob, DraftSink sink) {
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                            return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                                    : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                            if (attrs.isSymbolicLink() && !isHidden(file)) {
                                // Followed links arrive as links only when their target is missing.
                                sink.bad(new BadInput(file.toString(), brokenLink(file), null));
                            } else if (!isHidden(file) && !Sidecar.isSidecar(file) && (matcher == null || matcher.matches(root.relativize(file))
                                    || matcher.matches(file.getFileName()))) {
                                files.add(file);
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            if (!isHidden(file)) {
                                sink.bad(new BadInput(file.toString(), cannotRead(e), null));
                            }
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            sink.bad(new BadInput(root.toString(), cannotRead(e), null));
        }
        files.sort(null);
        return files;
    }

    /** Reads one file into one article, or, for JSON lines, one article per line. */
    public void readFile(Path file, DraftSink sink) {
        String origin = file.toString();
        String payload = null;
        try {
            BasicFileAttributes attrs = attributes(file);
            if (attrs.isDirectory()) {
                throw new BadInputException("is a folder, expected a file");
            }
            if (!attrs.isRegularFile()) {
                throw new BadInputException("not a regular file (a device, pipe or socket)");
            }
            Format format = Format.of(file).orElseThrow(() -> new BadInputException(
                    "unsupported file type" + (Format.extension(origin).isEmpty() ? ""
                            : " '." + Format.extension(origin) + "'") + " (ingest reads " + Format.SUPPORTED + ")"));
            if (Sidecar.isSidecar(file)) {
                throw new BadInputException("a sidecar file (" + Sidecar.SUFFIX + ") is read with its article, "
                        + "not alone");
            }
            Instant fileTime = attrs.lastModifiedTime().toInstant();
            if (format == Format.JSONL) {
                readJsonLines(file, origin, fileTime, sink);
                return;
            }
            if (attrs.size() > maxBytes) {
                throw new BadInputException(tooLarge("file", attrs.size()));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > maxBytes) {
                throw new BadInputException(tooLarge("file", bytes.length));
            }
            if (bytes.length == 0) {
                throw new BadInputException("empty file");
            }
            TextDecoding.requireText(bytes, bytes.length, "file");
            String text = format == Format.HTML ? TextDecoding.html(bytes, bytes.length)
                    : TextDecoding.utf8(bytes, bytes.length);
            if (text.isBlank()) {
                throw new BadInputException("empty file: only whitespace");
            }
            Sidecar sidecar = Sidecar.of(file);
            switch (format) {
                case TXT -> sink.draft(new Draft(origin, Format.TXT, null, text, null, null, null, fileTime)
                        .withSidecar(sidecar));
                case HTML -> sink.draft(HtmlExtractor.extract(text, origin, fileTime).withSidecar(sidecar));
                case JSON -> {
                    payload = truncate(text);
                    sink.draft(JsonRecords.parse(text, origin, Format.JSON, fileTime).withSidecar(sidecar));
                }
                default -> throw new IllegalStateException("unhandled format " + format);
            }
        } catch (BadInputException e) {
            sink.bad(new BadInput(origin, e.reason(), payload));
        } catch (IOException e) {
            sink.bad(new BadInput(origin, cannotRead(e), null));
        }
    }

    private void readJsonLines(Path file, String origin, Instant fileTime, DraftSink sink)
            throws IOException, BadInputException {
        try (InputStream raw = Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(raw, 64 * 1024)) {
            // A binary file is one rejection, not one per "line" of garbage.
            in.mark(TextDecoding.SNIFF_BYTES);
            byte[] head = in.readNBytes(TextDecoding.SNIFF_BYTES);
            in.reset();
            TextDecoding.requireText(head, head.length, "file");

            ByteLines lines = new ByteLines(in, maxBytes);
            int records = 0;
            for (ByteLines.Line line = lines.next(); line != null; line = lines.next()) {
                sink.consumed(line.length() + 1);
                String lineOrigin = origin + ":" + line.number();
                if (line.tooLong()) {
                    records++;
                    sink.bad(new BadInput(lineOrigin, tooLarge("line", line.length()), null));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                records++;
                byte[] bytes = line.bytes();
                // Decoding and parsing a line is independent of the others: the sink may do it on a worker.
                sink.later(() -> jsonLine(bytes, lineOrigin, fileTime));
            }
            if (records == 0) {
                throw new BadInputException("empty file: no JSON lines");
            }
        }
    }

    private static Parsed jsonLine(byte[] bytes, String origin, Instant fileTime) {
        String text = null;
        try {
            TextDecoding.requireText(bytes, bytes.length, "line");
            text = TextDecoding.utf8Line(bytes, bytes.length);
            return Parsed.of(JsonRecords.parse(text, origin, Format.JSONL, fileTime));
        } catch (BadInputException e) {
            String payload = text != null ? truncate(text) : truncate(new String(bytes, StandardCharsets.UTF_8));
            return Parsed.bad(new BadInput(origin, e.reason(), payload));
        }
    }

    /**
     * Reads standard input: JSON lines when the first non-blank line starts with '{', otherwise one plain-text
     * article. The reader should decode strictly, so that invalid UTF-8 is reported rather than replaced; a
     * reader decodes ahead of the line being read, so prefer {@link #readStdin(InputStream, String, DraftSink)},
     * which names the line an encoding error is on.
     */
    public void readStdin(Reader reader, String origin, DraftSink sink) {
        BufferedReader in = reader instanceof BufferedReader br ? br : new BufferedReader(reader, 64 * 1024);
        readStdin(new StdinLines(in::readLine), origin, sink);
    }

    /** Reads standard input as bytes, decoding each line on its own: an encoding error names its line. */
    public void readStdin(InputStream stdin, String origin, DraftSink sink) {
        ByteLines lines = new ByteLines(stdin instanceof BufferedInputStream b ? b
                : new BufferedInputStream(stdin, 64 * 1024), maxBytes);
        readStdin(new StdinLines(() -> {
            ByteLines.Line line = lines.next();
            if (line == null) {
                return null;
            }
            if (line.tooLong()) {
                throw new BadInputException(tooLarge("line", line.length()));
            }
            return TextDecoding.utf8Line(line.bytes(), line.bytes().length);
        }), origin, sink);
    }

    /** Lines of standard input, counted, so that an error names the line it is on. */
    private static final class StdinLines {
        interface Source {
            String next() throws IOException, BadInputException;
        }

        private final Source source;
        private int number;

        StdinLines(Source source) {
            this.source = source;
        }

        String next() throws IOException, BadInputException {
            number++;
            return source.next();
        }
    }

    private void readStdin(StdinLines in, String origin, DraftSink sink) {
        try {
            StringBuilder text = new StringBuilder();
            String line;
            while ((line = in.next()) != null) {
                if (!line.isBlank()) {
                    break;
                }
                text.append(line).append('\n');
            }
            if (line == null) {
                sink.bad(new BadInput(origin, "empty input", null));
                return;
            }
            if (line.stripLeading().startsWith("{")) {
                do {
                    if (!line.isBlank()) {
                        jsonLine(line, origin + ":" + in.number, sink);
                    }
                    line = in.next();
                } while (line != null);
                return;
            }
            long bytes = utf8Length(text);
            do {
                bytes += utf8Length(line) + 1;
                if (bytes > maxBytes) {
                    sink.bad(new BadInput(origin, tooLarge("input", bytes) + "; stopped reading at line "
                            + in.number, null));
                    return;
                }
                text.append(line).append('\n');
                line = in.next();
            } while (line != null);
            wholeText(text, origin, sink);
        } catch (CharacterCodingException e) {
            sink.bad(new BadInput(origin + ":" + in.number, "not valid UTF-8; the rest of the input was not read",
                    null));
        } catch (BadInputException e) {
            sink.bad(new BadInput(origin + ":" + in.number, e.reason() + "; the rest of the input was not read",
                    null));
        } catch (IOException e) {
            sink.bad(new BadInput(origin, cannotRead(e), null));
        }
    }

    private static void wholeText(StringBuilder text, String origin, DraftSink sink) {
        try {
            TextDecoding.requireText(text, "input");
            sink.draft(new Draft(origin, Format.TXT, null, text.toString(), null, null, null, null));
        } catch (BadInputException e) {
            sink.bad(new BadInput(origin, e.reason(), null));
        }
    }

    private void jsonLine(String line, String origin, DraftSink sink) {
        try {
            long bytes = utf8Length(line);
            if (bytes > maxBytes) {
                sink.bad(new BadInput(origin, tooLarge("line", bytes), null));
                return;
            }
            TextDecoding.requireText(line, "line");
            sink.draft(JsonRecords.parse(line, origin, Format.JSONL, null));
        } catch (BadInputException e) {
            sink.bad(new BadInput(origin, e.reason(), truncate(line)));
        }
    }

    private String tooLarge(String what, long size) {
        return String.format(Locale.ROOT, "%s too large: %,d bytes, over the limit of %,d bytes (--max-bytes)",
                what, size, maxBytes);
    }

    private static BasicFileAttributes attributes(Path file) throws IOException, BadInputException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                throw new BadInputException("cannot read: broken symbolic link (its target does not exist)");
            }
            throw new BadInputException("no such file or folder");
        }
    }

    private static String brokenLink(Path link) {
        try {
            return "cannot read: broken symbolic link (its target " + Files.readSymbolicLink(link)
                    + " does not exist)";
        } catch (IOException e) {
            return "cannot read: broken symbolic link (its target does not exist)";
        }
    }

    static String cannotRead(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "cannot read: permission denied";
        }
        if (e instanceof FileSystemLoopException) {
            return "cannot read: symbolic link loop (it leads back to a folder above it)";
        }
        if (e instanceof NoSuchFileException) {
            return "cannot read: no such file (or a broken symbolic link)";
        }
        String msg = e.getMessage();
        return "cannot read: " + (msg == null ? e.getClass().getSimpleName() : msg);
    }

    private static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    static String truncate(String s) {
        return s.length() <= PAYLOAD_CHARS ? s : s.substring(0, PAYLOAD_CHARS) + "…";
    }

    /** UTF-8 length of text without encoding it. */
    static long utf8Length(CharSequence s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800 || Character.isSurrogate(c)) {
                n += 2;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
