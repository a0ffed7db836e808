package org.parley.coder.dictionary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.parley.coder.dictionary.OrganisationsImporter.Raw;

/** Reading PETRARCH-2 .actors files into raw entries (names and codings), for {@link OrganisationsImporter}. */
final class OrganisationsReader {

    private OrganisationsReader() {
    }

    /** Reads one .actors file's entries (names and raw codings); lines it cannot place are ignored. */
    static List<Raw> read(Path file, Map<String, Integer> counts) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        List<Raw> out = new ArrayList<>();
        Raw cur = null;
        int n = 0;
        String fname = file.getFileName().toString();
        for (String raw : lines) {
            n++;
            int h = raw.indexOf('#');
            String line = h < 0 ? raw : raw.substring(0, h);
            if (line.isBlank()) {
                continue;
            }
            String t = line.strip();
            boolean indented = Character.isWhitespace(line.charAt(0));
            if (t.startsWith("[")) {
                if (cur != null) {
                    codes(t, cur.codings());
                }
                continue;
            }
            if (t.startsWith("+")) {
                if (cur != null) {
                    int b = t.indexOf('[');
                    cur.names().add(b < 0 ? t.substring(1) : t.substring(1, b));
                    if (b >= 0) {
                        codes(t.substring(b), cur.codings());
                    }
                }
                continue;
            }
            if (indented || t.startsWith("!") || t.startsWith("<")) {
                continue;
            }
            int b = t.indexOf('[');
            List<String> names = new ArrayList<>();
            names.add(b < 0 ? t : t.substring(0, b));
            cur = new Raw(names, new ArrayList<>(), fname, n);
            out.add(cur);
            if (b >= 0) {
                codes(t.substring(b), cur.codings());
            }
        }
        counts.merge("entries read (" + fname + ")", out.size(), Integer::sum);
        return out;
    }

    private static void codes(String t, List<String[]> into) {
        int i = t.indexOf('[');
        while (i >= 0) {
            int j = t.indexOf(']', i);
            if (j < 0) {
                return;
            }
            String inner = t.substring(i + 1, j).strip();
            String[] f = inner.split("\\s+", 2);
            if (!f[0].isEmpty()) {
                into.add(new String[] {f[0].toUpperCase(Locale.ROOT), f.length > 1 ? f[1].strip() : null});
            }
            i = t.indexOf('[', j);
        }
    }
}
