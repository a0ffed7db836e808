package org.parley.processor.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * What the codes mean, for {@code /api/names}: actor names ({@code RUS} Russia, {@code EU} European Union) and
 * CAMEO descriptions ({@code 046} Engage in negotiation), read from the coder's shipped dictionaries, so the
 * names are the ones the coder codes by.
 *
 * @param actors actor code to name
 * @param cameo  CAMEO code (roots included) to its codebook description
 */
public record ReferenceNames(Map<String, String> actors, Map<String, String> cameo) {
    private static final String DIR = "/org/parley/coder/";

    public static ReferenceNames shipped() {
        Map<String, String> actors = new TreeMap<>();
        // countries.txt: CODE | name | ...; organisations.txt: CODE | TYPE | name | ...
        read("countries.txt", "|", f -> put(actors, f[0], f.length > 1 ? f[1] : ""));
        read("organisations.txt", "|", f -> put(actors, f[0], f.length > 2 ? f[2] : ""));
        Map<String, String> cameo = new TreeMap<>();
        read("codebook.tsv", "\t", f -> put(cameo, f[0], f.length > 3 ? f[3] : ""));
        return new ReferenceNames(Map.copyOf(actors), Map.copyOf(cameo));
    }

    private static void put(Map<String, String> into, String code, String name) {
        if (!code.isBlank() && !name.isBlank()) {
            into.putIfAbsent(code.trim(), name.trim());
        }
    }

    private static void read(String file, String separator, Consumer<String[]> line) {
        try (InputStream in = ReferenceNames.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                return;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String l = r.readLine(); l != null; l = r.readLine()) {
                if (!l.isBlank() && !l.startsWith("#")) {
                    line.accept(l.split(Pattern.quote(separator), -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the coder's " + file, e);
        }
    }
}
