package org.parley.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Names for the codes a table shows: countries (ISO 3166-1 alpha-3, e.g. {@code RUS Russia}), organisations and
 * regions ({@code EU}, {@code EUR}), and CAMEO roots ({@code 04 consult}). Read from the coder's shipped
 * dictionaries on the classpath, so the names are the ones the coder codes by; a code without a name shows alone.
 */
final class ActorNames {
    private static final String DIR = "/org/parley/coder/";
    private static final ActorNames SHIPPED = load();

    private final Map<String, String> actors;
    private final Map<String, String> roots;

    private ActorNames(Map<String, String> actors, Map<String, String> roots) {
        this.actors = actors;
        this.roots = roots;
    }

    static ActorNames shipped() {
        return SHIPPED;
    }

    /** The actor's name, or null when the code has none. */
    String name(String code) {
        return code == null ? null : actors.get(code);
    }

    /** {@code RUS Russia}, or the code alone. */
    String label(String code) {
        String name = name(code);
        return name == null ? code : code + " " + name;
    }

    /** The CAMEO root's description in lower case ({@code 04} -> {@code consult}), or null. */
    String root(String root) {
        return roots.get(root);
    }

    private static ActorNames load() {
        Map<String, String> actors = new HashMap<>();
        // countries.txt: CODE | name | ...; organisations.txt: CODE | TYPE | name | ...
        read("countries.txt", '|', f -> put(actors, f, 1));
        read("organisations.txt", '|', f -> put(actors, f, 2));
        Map<String, String> roots = new HashMap<>();
        read("codebook.tsv", '\t', f -> {
            if (f.length >= 4 && f[0].trim().length() == 2) {
                roots.put(f[0].trim(), f[3].trim().toLowerCase(Locale.ROOT));
            }
        });
        return new ActorNames(Map.copyOf(actors), Map.copyOf(roots));
    }

    private static void put(Map<String, String> into, String[] fields, int nameField) {
        if (fields.length > nameField && !fields[0].isBlank() && !fields[nameField].isBlank()) {
            into.putIfAbsent(fields[0].trim(), fields[nameField].trim());
        }
    }

    private static void read(String file, char separator, java.util.function.Consumer<String[]> line) {
        try (InputStream in = ActorNames.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                return;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    line.accept(l.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the coder's " + file, e);
        }
    }
}
