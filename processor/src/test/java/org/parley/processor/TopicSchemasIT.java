package org.parley.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.parley.coder.EventCoder;
import org.parley.common.Actor;
import org.parley.common.Article;
import org.parley.common.CountryStance;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.common.Span;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.stance.StanceSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.TopicReader;
import org.parley.testkit.WithKafka;

/**
 * The JSON Schemas of docs/schemas/ against the records: each schema names exactly the fields of its record
 * (so neither can gain a field without the other), the validator refuses a record that breaks them, and every
 * record the pipeline writes to each public topic of a real broker validates. The processor serves them.
 */
@WithKafka
class TopicSchemasIT {
    private static final Path DIR = Path.of("..", "docs", "schemas");
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private static JsonNode file(String name) throws Exception {
        return Json.mapper().readTree(DIR.resolve(name).toFile());
    }

    private static Schema schema(String name) throws Exception {
        return REGISTRY.getSchema(Files.readString(DIR.resolve(name)));
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> out = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(out::add);
        schema.path("required").forEach(r -> assertThat(out).as("required %s is a property", r).contains(r.asText()));
        return out;
    }

    private static Set<String> components(Class<? extends Record> type) {
        return new TreeSet<>(Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList());
    }

    @Test
    void eachSchemaNamesExactlyItsRecordsFields() throws Exception {
        assertThat(properties(file("article.schema.json"))).isEqualTo(components(Article.class));
        JsonNode event = file("event.schema.json");
        assertThat(properties(event)).isEqualTo(components(Event.class));
        assertThat(properties(event.at("/$defs/actor"))).isEqualTo(components(Actor.class));
        assertThat(properties(event.at("/$defs/span"))).isEqualTo(components(Span.class));
        assertThat(properties(file("dyad-stance.schema.json"))).isEqualTo(components(DyadStance.class));
        JsonNode country = file("country-stance.schema.json");
        assertThat(properties(country)).isEqualTo(components(CountryStance.class));
        assertThat(properties(country.at("/$defs/totals"))).isEqualTo(components(CountryStance.Totals.class));
    }

    @Test
    void aRecordThatBreaksTheSchemaIsRefused() throws Exception {
        Event e = new Event("e1", "a1", 0, "Russia met Ukraine.", new Span(0, 19), LocalDate.parse("2025-02-27"),
                new Actor("RUS", Actor.ActorType.STATE, null, "Russia", "Russia"),
                new Actor("UKR", Actor.ActorType.STATE, null, "Ukraine", "Ukraine"), "046", "04", 1, 7.0, "CONSULT",
                null, "consult.met", Instant.parse("2025-02-28T10:00:00Z"), "dateline", "Talks", "https://x.org/1");
        ObjectNode good = (ObjectNode) Json.mapper().valueToTree(e);
        assertThat(schema("event.schema.json").validate(good)).isEmpty();
        // What pandas' read_json does to a code, and two more ways to break a record.
        assertThat(schema("event.schema.json").validate(good.deepCopy().put("cameo", 46))).isNotEmpty();
        assertThat(schema("event.schema.json").validate(good.deepCopy().put("quadClass", 5))).isNotEmpty();
        ObjectNode noSource = good.deepCopy();
        noSource.remove("source");
        assertThat(schema("event.schema.json").validate(noSource)).isNotEmpty();
    }

    @Test
    void everyRecordOnThePublicTopicsValidatesAndTheSchemasAreServed(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = ProcessorFixture.settings(kafka).withHttp("127.0.0.1", 0);
        TopicAdmin.ensureTopics(config.kafka());
        var articles = config.topics().articles();
        try (ProcessorApp app = new ProcessorApp(config, EventCoder.withDefaultDictionaries(),
                StanceSettings.defaults()).start();
             var producer = new KafkaProducer<>(config.kafkaProperties(), articles.keySerde().serializer(),
                     articles.valueSerde().serializer())) {
            for (Article a : List.of(
                    new Article("s1", "Talks", "Russia and the United States held talks in Istanbul.",
                            LocalDate.parse("2025-02-27"), Article.DateSource.METADATA, "https://example.org/1", "wire",
                            null, null, "s1", Instant.now(), "dateline"),
                    new Article("s2", null, "Russia imposed sanctions on Ukraine.", LocalDate.parse("2025-02-28"),
                            Article.DateSource.INGEST_TIME, null, null, null, null, "s2", Instant.now()))) {
                producer.send(new ProducerRecord<>(articles.name(), a.id(), a)).get();
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> app.state() == KafkaStreams.State.RUNNING
                    && TopicReader.readCommitted(config.kafka(), config.topics().countryStance().name()).size() >= 3
                    && TopicReader.readCommitted(config.kafka(), config.topics().dailyStance().name()).size() >= 3);
            Map<String, String> schemaOf = Map.of(articles.name(), "article.schema.json",
                    config.topics().events().name(), "event.schema.json",
                    config.topics().dyadStance().name(), "dyad-stance.schema.json",
                    config.topics().dailyStance().name(), "dyad-stance.schema.json",
                    config.topics().countryStance().name(), "country-stance.schema.json");
            for (var t : schemaOf.entrySet()) {
                List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readCommitted(config.kafka(), t.getKey());
                assertThat(records).as(t.getKey()).isNotEmpty();
                List<String> problems = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    JsonNode value = Json.mapper().readTree(new String(r.value(), StandardCharsets.UTF_8));
                    schema(t.getValue()).validate(value).forEach(err -> problems.add(t.getKey() + "@" + r.offset()
                            + ": " + err));
                }
                assertThat(problems).as(t.getKey()).isEmpty();
            }

            String base = "http://127.0.0.1:" + app.httpPort();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> served = http.send(HttpRequest.newBuilder(URI.create(base + "/api/schemas/events"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(Json.mapper().readTree(served.body())).isEqualTo(file("event.schema.json"));
            assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/api/schemas/nope")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }
}
