package org.parley.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.parley.coder.CodedArticle;
import org.parley.coder.CoderInput;
import org.parley.coder.EventCoder;
import org.parley.common.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code parley code}: codes JSONL articles from stdin to JSONL events on stdout, without Kafka. */
@Command(name = "code", mixinStandardHelpOptions = true,
        description = {"Code JSONL {\"id\",\"text\",\"date\"?} from stdin; write {\"id\",\"events\":[...]} per line.",
                "With --explain, print per sentence the actors found, the rules tried and why no event came out.",
                "With --text, read plain text (one article) from stdin instead of JSONL."})
public final class CodeCommand implements Callable<Integer> {

    @Option(names = "--date", description = "Article date (YYYY-MM-DD) for lines without a \"date\".")
    LocalDate date;

    @Mixin
    DictionaryOptions dictionaries;

    @Option(names = "--explain", description = "Print a sentence-by-sentence explanation instead of JSON events.")
    boolean explain;

    @Option(names = "--text", description = "Stdin is one plain-text article, not JSONL.")
    boolean plainText;

    @Option(names = "--learned", description = {"Add the learned second opinion (docs/coder.md; slower).",
            "PARLEY_LEARNED_OPINION=on does the same everywhere."})
    boolean learned;

    @Override
    public Integer call() throws Exception {
        EventCoder coder = dictionaries.coder();
        coder = learned ? coder.withLearnedOpinion() : coder;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        if (plainText) {
            StringBuilder sb = new StringBuilder();
            String line;
            while ((line = in.readLine()) != null) {
                sb.append(line).append('\n');
            }
            String json = Json.mapper().writeValueAsString(java.util.Map.of("id", "stdin", "text", sb.toString()));
            in = new BufferedReader(new java.io.StringReader(json));
        }
        return explain ? runExplain(coder, in, out, System.err) : run(coder, in, out, System.err);
    }

    /** Like {@link #run} but prints each article's explanation as text. */
    int runExplain(EventCoder coder, BufferedReader in, BufferedWriter out, PrintStream err) throws Exception {
        ObjectMapper json = Json.mapper();
        boolean bad = false;
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            try {
                JsonNode rec = json.readTree(line);
                if (rec == null || !rec.isObject() || rec.get("text") == null || !rec.get("text").isTextual()) {
                    throw new IllegalArgumentException("not a JSON object with a string field \"text\"");
                }
                String id = rec.hasNonNull("id") ? rec.get("id").asText() : "line-" + n;
                LocalDate d = rec.hasNonNull("date") ? LocalDate.parse(rec.get("date").asText()) : date;
                out.write(coder.explain(new CoderInput(id, rec.get("text").asText(), d, Instant.now())).toText());
                out.newLine();
            } catch (Exception e) {
                bad = true;
                err.println("stdin line " + n + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().lines().findFirst().orElse("")));
            }
            out.flush();
        }
        return bad ? 1 : 0;
    }

    /** Codes every line; a bad line gets an error record and a message naming it, the rest still flow. */
    int run(EventCoder coder, BufferedReader in, BufferedWriter out, PrintStream err) throws Exception {
        ObjectMapper json = Json.mapper();
        boolean bad = false;
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            ObjectNode result = json.createObjectNode();
            try {
                JsonNode rec = json.readTree(line);
                if (rec == null || !rec.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                JsonNode text = rec.get("text");
                if (text == null || !text.isTextual()) {
                    throw new IllegalArgumentException("missing string field \"text\"");
                }
                String id = rec.hasNonNull("id") ? rec.get("id").asText() : "line-" + n;
                LocalDate d = rec.hasNonNull("date") ? LocalDate.parse(rec.get("date").asText()) : date;
                CodedArticle coded = coder.code(new CoderInput(id, text.asText(), d, Instant.now()));
                result.put("id", id);
                result.set("events", json.valueToTree(coded.events()));
            } catch (Exception e) {
                bad = true;
                String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines()
                        .findFirst().orElse(e.getClass().getSimpleName());
                err.println("stdin line " + n + ": " + msg);
                result.putNull("id");
                result.put("line", n);
                result.put("error", msg);
            }
            out.write(json.writeValueAsString(result));
            out.newLine();
            out.flush();
        }
        return bad ? 1 : 0;
    }
}
