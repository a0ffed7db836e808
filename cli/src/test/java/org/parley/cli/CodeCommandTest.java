package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;

/** {@code parley code}: JSONL events, and the --explain text with why a sentence gave no event. */
class CodeCommandTest {
    private static final EventCoder CODER = EventCoder.withDefaultDictionaries();

    @Test
    void explainShowsActorsRulesAndWhyNot() throws Exception {
        StringWriter out = new StringWriter();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new CodeCommand().runExplain(CODER, new BufferedReader(new StringReader(
                "{\"id\":\"a1\",\"date\":\"2025-03-07\",\"text\":\"Chile never criticised Peru. Austria met Hungary.\"}\n"
                        + "not json\n")), new BufferedWriter(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString();
        assertThat(text).contains("article a1", "[0] Chile never criticised Peru.", "actor  Chile -> CHL",
                "negated", "why no event:", "EVENT  AUT -> HUN 040");
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stdin line 2");
    }

    @Test
    void jsonModeWritesEventsPerLine() throws Exception {
        StringWriter out = new StringWriter();
        int rc = new CodeCommand().run(CODER, new BufferedReader(new StringReader(
                "{\"id\":\"b\",\"text\":\"Hezbollah fired rockets at Israel.\"}\n")), new BufferedWriter(out),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(rc).isZero();
        assertThat(out.toString()).contains("\"id\":\"b\"", "\"code\":\"LBN\"", "\"cameo\":\"194\"");
    }
}
