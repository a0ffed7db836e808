package org.parley.cli.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.parley.cli.PartSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.processor.ProcessorSettings;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * The whole pipeline runs with a client properties file full of secrets, logging far more than usual (Kafka's
 * clients at INFO, which print every client configuration, and Parley at DEBUG). The broker here speaks PLAINTEXT,
 * so the SSL and SASL settings are present but unused, as the secrets of a real deployment would be present and
 * used. No secret may appear in any process's output or in the processor's HTTP answers.
 */
@WithKafka
class SecretsStayOutOfLogsIT {
    private static final Pattern HTTP = Pattern.compile("HTTP on http://([0-9.]+):(\\d+)");

    @Test
    void noSecretFromTheClientPropertiesFileAppearsInAnyLogOrHttpAnswer(KafkaFixture kafka) throws Exception {
        ProcessorSettings config = PartSettings.processor(kafka);
        TopicAdmin.ensureTopics(config.kafka());
        List<String> secrets = List.of("truststore-" + UUID.randomUUID(), "keystore-" + UUID.randomUUID(),
                "key-" + UUID.randomUUID(), "jaas-" + UUID.randomUUID(), "custom-" + UUID.randomUUID());
        Path clientProps = Files.writeString(kafka.tempDir().resolve("client.properties"), String.join("\n",
                "ssl.truststore.password=" + secrets.get(0),
                "ssl.keystore.password=" + secrets.get(1),
                "ssl.key.password=" + secrets.get(2),
                "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required "
                        + "username=\"parley\" password=\"" + secrets.get(3) + "\";",
                "parley.example.token=" + secrets.get(4), ""));
        Path log4j = Files.writeString(kafka.tempDir().resolve("log4j2-verbose.xml"), """
                <Configuration status="WARN">
                  <Appenders>
                    <Console name="stderr" target="SYSTEM_ERR">
                      <PatternLayout pattern="%d{HH:mm:ss.SSS} %-5level %c - %msg%n"/>
                    </Console>
                  </Appenders>
                  <Loggers>
                    <Logger name="org.parley" level="DEBUG"/>
                    <Logger name="org.apache.kafka" level="INFO"/>
                    <Root level="INFO"><AppenderRef ref="stderr"/></Root>
                  </Loggers>
                </Configuration>
                """);
        Map<String, String> env = Map.of("PARLEY_JAVA_OPTS",
                "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile=" + log4j);
        Path logs = kafka.tempDir().resolve("logs");
        String[] kafkaArgs = {"--bootstrap-server", config.kafka().bootstrapServers(), "--topic-prefix", config.kafka().topicPrefix(),
            "--client-properties", clientProps.toString()};
        Path inbox = Files.createDirectories(kafka.tempDir().resolve("inbox"));
        Files.writeString(inbox.resolve("a.txt"), "France imposed sanctions on Iran.\n");
        Path out = kafka.tempDir().resolve("out");

        String processorLog;
        String sinkLog;
        String ingestLog;
        String metrics;
        try (ParleyProcess processor = ParleyProcess.start(logs.resolve("process.log"), env,
                concat(new String[] {"process", "--application-id", config.applicationId(), "--state-dir",
                    kafka.tempDir().resolve("state").toString(), "--port", "0"}, kafkaArgs));
             ParleyProcess sink = ParleyProcess.start(logs.resolve("sink.log"), env,
                     concat(new String[] {"sink", "--out", out.toString()}, kafkaArgs))) {
            ParleyProcess ingest = ParleyProcess.start(logs.resolve("ingest.log"), env,
                    concat(concat(new String[] {"ingest"}, kafkaArgs), new String[] {inbox.toString()}));
            assertThat(ingest.waitFor(120)).as("ingest exit code; output in %s", ingest.log()).isZero();
            // The article went all the way through: the secrets were loaded and the clients still worked.
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                assertThat(processor.isAlive()).as("processor alive; see %s", processor.log()).isTrue();
                assertThat(sink.isAlive()).as("sink alive; see %s", sink.log()).isTrue();
                Path events = out.resolve("events.jsonl");
                return Files.exists(events) && Files.readString(events).contains("IRN");
            });
            Matcher m = HTTP.matcher(processor.output());
            assertThat(m.find()).as("processor prints its HTTP address").isTrue();
            HttpClient http = HttpClient.newHttpClient();
            URI base = URI.create("http://" + m.group(1) + ":" + m.group(2));
            metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()
                    + http.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            processor.stop();
            sink.stop();
            ingestLog = ingest.output();
            processorLog = processor.output();
            sinkLog = sink.output();
        }

        // The verbose logging really ran: Kafka printed the client configurations, with the passwords masked.
        assertThat(processorLog).contains("ssl.truststore.password = [hidden]", "sasl.jaas.config = [hidden]");
        assertThat(ingestLog).contains("ssl.keystore.password = [hidden]");
        assertThat(sinkLog).contains("ssl.key.password = [hidden]");
        assertThat(metrics).contains("kafka_stream");
        for (String secret : secrets) {
            assertThat(processorLog).as("processor log").doesNotContain(secret);
            assertThat(sinkLog).as("sink log").doesNotContain(secret);
            assertThat(ingestLog).as("ingest log").doesNotContain(secret);
            assertThat(metrics).as("processor /metrics and /health").doesNotContain(secret);
        }
        System.out.printf("SecretsStayOutOfLogsIT: %d secrets, %d KiB of process/sink/ingest logs at Kafka INFO "
                        + "and Parley DEBUG, none found%n", secrets.size(),
                (processorLog.length() + sinkLog.length() + ingestLog.length() + metrics.length()) / 1024);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
