package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Measures every main source file of every module: its lines, and the lines of each method, constructor and
 * initializer (from the line of its opening brace to the line of its closing brace, as Checkstyle's MethodLength
 * counts). A small brace scanner, not a parser: it skips comments, strings, text blocks and character literals, and
 * calls a block a method when it opens directly inside a type body after a parenthesised header.
 * {@code java cli/src/test/java/org/parley/cli/SourceSizes.java .} prints what is over the limits, and with
 * {@code --longest 20} after the folder the twenty longest methods.
 */
final class SourceSizes {
    static final int MAX_FILE_LINES = 500;
    static final int MAX_METHOD_LINES = 80;

    private static final Pattern TYPE_HEADER =
            Pattern.compile("(?<![.\\w])(class|interface|enum|record)\\s+[A-Za-z_$][\\w$]*");
    private static final Pattern ANONYMOUS = Pattern.compile("\\bnew\\s+[\\w$.<>, ?]+\\([^;]*\\)\\s*$", Pattern.DOTALL);
    private static final Pattern METHOD_HEADER =
            Pattern.compile("\\)\\s*(throws\\s+[\\w$.,\\s<>]+)?$|^\\s*(static\\s*)?$|^[\\s\\w@]*\\b[A-Z][\\w$]*\\s*$");

    private enum Block { TYPE, METHOD, OTHER }

    /** One file or method over its limit. */
    record Violation(Path file, String what, int lines, int limit) {
        @Override
        public String toString() {
            return file + (what.isEmpty() ? "" : " " + what) + ": " + lines + " lines (limit " + limit + ")";
        }
    }

    private SourceSizes() {
    }

    /** The project root: the nearest folder upwards from {@code start} whose pom.xml lists modules. */
    static Path projectRoot(Path start) {
        for (Path p = start.toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<modules>")) {
                    return p;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no parent pom.xml with <modules> above " + start.toAbsolutePath());
    }

    /** Every main source file: {@code <module>/src/main/java/**}/*.java under {@code root}. */
    static List<Path> mainSources(Path root) {
        try (Stream<Path> modules = Files.list(root)) {
            List<Path> files = new ArrayList<>();
            for (Path module : modules.sorted().toList()) {
                Path src = module.resolve("src/main/java");
                if (Files.isDirectory(src)) {
                    try (Stream<Path> walk = Files.walk(src)) {
                        walk.filter(f -> f.toString().endsWith(".java")).sorted().forEach(files::add);
                    }
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Violation> violations(Path root) {
        List<Violation> all = new ArrayList<>();
        for (Path file : mainSources(root)) {
            try {
                all.addAll(violations(root.relativize(file), Files.readString(file)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static List<Violation> violations(Path file, String source) {
        List<Violation> found = new ArrayList<>();
        int fileLines = (int) source.lines().count();
        if (fileLines > MAX_FILE_LINES) {
            found.add(new Violation(file, "", fileLines, MAX_FILE_LINES));
        }
        for (int[] method : methods(source)) {
            int lines = method[1] - method[0] + 1;
            if (lines > MAX_METHOD_LINES) {
                found.add(new Violation(file, "method at line " + method[0], lines, MAX_METHOD_LINES));
            }
        }
        return found;
    }

    /** The first and last line (1-based) of every method, constructor and initializer body in {@code source}. */
    static List<int[]> methods(String source) {
        List<int[]> methods = new ArrayList<>();
        Deque<Block> blocks = new ArrayDeque<>();
        Deque<Integer> startLines = new ArrayDeque<>();
        StringBuilder header = new StringBuilder();
        int line = 1;
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
                header.append(c);
                i++;
            } else if (source.startsWith("//", i)) {
                while (i < n && source.charAt(i) != '\n') {
                    i++;
                }
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                i = end;
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end + 3;
                line += count(source, i, end);
                header.append("\"\"");
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && source.charAt(j) != c) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                header.append(c).append(c);
                i = j + 1;
            } else if (c == '{') {
                Block kind = kind(blocks.peek(), header.toString().strip());
                blocks.push(kind);
                startLines.push(line);
                header.setLength(0);
                i++;
            } else if (c == '}') {
                Block kind = blocks.isEmpty() ? Block.OTHER : blocks.pop();
                int start = startLines.isEmpty() ? line : startLines.pop();
                if (kind == Block.METHOD) {
                    methods.add(new int[] {start, line});
                }
                header.setLength(0);
                i++;
            } else if (c == ';') {
                header.setLength(0);
                i++;
            } else {
                header.append(c);
                i++;
            }
        }
        return methods;
    }

    private static Block kind(Block enclosing, String header) {
        if (TYPE_HEADER.matcher(header).find() || (enclosing != Block.TYPE && ANONYMOUS.matcher(header).find())) {
            return Block.TYPE;
        }
        if (enclosing == Block.TYPE) {
            if (header.contains("->")) {
                return Block.OTHER;
            }
            if (header.contains("=")) {
                // a field initialised with an anonymous class or an array
                return ANONYMOUS.matcher(header).find() ? Block.TYPE : Block.OTHER;
            }
            return METHOD_HEADER.matcher(header).find() ? Block.METHOD : Block.OTHER;
        }
        return Block.OTHER;
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int k = from; k < to; k++) {
            if (s.charAt(k) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    public static void main(String[] args) {
        Path root = projectRoot(Path.of(args.length > 0 ? args[0] : "."));
        if (args.length > 1) {
            // --longest N: the N longest methods, to see what comes next
            List<String> rows = new ArrayList<>();
            for (Path file : mainSources(root)) {
                try {
                    for (int[] m : methods(Files.readString(file))) {
                        rows.add(String.format("%5d %s:%d", m[1] - m[0] + 1, root.relativize(file), m[0]));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            rows.stream().sorted(java.util.Comparator.reverseOrder()).limit(Integer.parseInt(args[2]))
                    .forEach(System.out::println);
            System.out.println(rows.size() + " methods");
            return;
        }
        violations(root).forEach(System.out::println);
    }
}
