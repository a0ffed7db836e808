package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.pipeline.LocalPipeline;
import org.parley.processor.ProcessorSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * End to end over a real broker: `parley ingest` publishes a folder with the seed and bad files, the processor
 * codes and aggregates, the sink writes JSON; the files hold the seed's headline events.
 */
@WithKafka
class PipelineIT {

    @Test
    void seedFlowsFromFolderToJsonFilesAndBadFilesAreNamed(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = PartSettings.processor(kafka).withHttp("127.0.0.1", 0);
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("inbox"));
        try (var seeds = Files.list(Path.of("..", "seeds"))) {
            for (Path p : seeds.toList()) {
                Files.copy(p, inbox.resolve(p.getFileName()));
            }
        }
        Files.writeString(inbox.resolve("empty.txt"), "");
        // Tests may run as root, where permissions do not stop reading: a dangling link is unreadable for anyone.
        Files.createSymbolicLink(inbox.resolve("unreadable.txt"), inbox.resolve("gone.txt"));

        try (LocalPipeline pipeline = PartSettings.pipeline(kafka, config, Duration.ofSeconds(60))) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = ParleyCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "ingest",
                    "--bootstrap-server", config.kafka().bootstrapServers(), "--topic-prefix", config.kafka().topicPrefix(),
                    inbox.toString());
            assertThat(exit).as("exit code says some files were rejected; stderr: %s", err).isEqualTo(2);
            assertThat(err.toString()).contains("empty.txt").contains("unreadable.txt");

            pipeline.awaitIdle(Duration.ofSeconds(90));
        }

        Path eventsFile = kafka.outDir().resolve("events.jsonl");
        List<Event> events = new ArrayList<>();
        for (String line : Files.readAllLines(eventsFile)) {
            events.add(Json.mapper().readValue(line, Event.class));
        }
        Set<String> tuples = events.stream().map(e -> e.dyadKey() + " " + e.cameo()).collect(Collectors.toSet());
        Set<String> roots = events.stream().map(e -> e.dyadKey() + " " + e.root()).collect(Collectors.toSet());
        assertThat(roots).contains("RUS->USA 04", "USA->RUS 04");
        assertThat(tuples).contains("USA->RUS 163");
        assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.sentence()).isNotBlank();
            assertThat(e.rule()).isNotBlank();
        });

        JsonNode dyads = Json.mapper().readTree(kafka.outDir().resolve("stance/dyads.json").toFile());
        assertThat(dyads.toString()).contains("RUS").contains("USA");
        Json.mapper().readTree(kafka.outDir().resolve("stance/countries.json").toFile());
    }
}
