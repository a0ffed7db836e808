package org.parley.sink.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The sink's output directory. Every path the sink writes comes from {@link #resolve}, which only accepts plain
 * name segments and checks that the result stays strictly inside the directory.
 */
public final class OutDir {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*|\\.[A-Za-z0-9_][A-Za-z0-9._-]*");

    private final Path root;

    public OutDir(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** A path under the root from plain name segments; anything that could leave the root is rejected. */
    public Path resolve(String... segments) {
        if (segments.length == 0) {
            throw new IllegalArgumentException("no path segments");
        }
        Path p = root;
        for (String s : segments) {
            if (s == null || !SEGMENT.matcher(s).matches() || s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("unsafe file name segment '" + s + "' under " + root);
            }
            p = p.resolve(s);
        }
        Path normal = p.normalize();
        if (!normal.startsWith(root) || normal.equals(root)) {
            throw new IllegalArgumentException("path " + normal + " escapes " + root);
        }
        return normal;
    }

    /** Creates a directory under the root, failing with a message that names it. */
    public Path directory(String... segments) {
        Path dir = resolve(segments);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedOutputException("cannot create directory " + dir, e);
        }
        return dir;
    }
}
