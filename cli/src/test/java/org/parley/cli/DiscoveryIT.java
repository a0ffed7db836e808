package org.parley.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.TopicAdmin;
import org.parley.testkit.KafkaFixture;
import org.parley.testkit.WithKafka;

/**
 * How the commands find Kafka, run as a user runs them ({@code bin/parley} in its own process, in a folder with
 * a {@code .parley/bootstrap} file, with no {@code PARLEY_BOOTSTRAP_SERVERS}): over the test's real broker, and
 * against an address where nothing listens.
 */
@WithKafka
class DiscoveryIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    record Result(int exit, String stdout, List<String> stderr, long millis) {
    }

    private static Result parley(Path cwd, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(ROOT.resolve("bin/parley").toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile(cwd, "out", ".txt");
        Path err = Files.createTempFile(cwd, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().remove("PARLEY_BOOTSTRAP_SERVERS");
        pb.environment().remove("PARLEY_DATA");
        long start = System.nanoTime();
        Process p = pb.start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("parley " + String.join(" ", args) + " did not end; stderr:\n"
                    + Files.readString(err));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new Result(p.exitValue(), Files.readString(out),
                Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList(), millis);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void watchFindsTheBrokerThatRunWroteDown(KafkaFixture kafka) throws Exception {
        KafkaSettings config = kafka.config();
        TopicAdmin.ensureTopics(config);
        Path cwd = Files.createDirectories(kafka.tempDir().resolve("discovery-found"));
        BrokerAddress.write(cwd.resolve(".parley"), kafka.bootstrapServers());

        Result r = parley(cwd, "watch", "--once", "--plain", "--topic-prefix", config.topicPrefix());

        assertThat(r.exit()).as("stderr: %s", r.stderr()).isZero();
        assertThat(r.stdout()).contains("parley watch  " + config.topics().dyadStance().name(), "0 dyad(s)");
    }

    @Test
    void ingestFindsTheBrokerThatBrokerWroteDownAndTheFileGoesWithIt(KafkaFixture kafka) throws Exception {
        Path cwd = Files.createDirectories(kafka.tempDir().resolve("discovery-broker"));
        Files.writeString(cwd.resolve("a.txt"), "Russia and the United States held talks in Istanbul.");
        Path log = cwd.resolve("broker.log");
        ProcessBuilder pb = new ProcessBuilder(ROOT.resolve("bin/parley").toString(), "broker", "--port", "0")
                .directory(cwd.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        Process broker = pb.start();
        try {
            Path file = cwd.resolve(".parley/bootstrap");
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                    .until(() -> Files.exists(file) || !broker.isAlive());
            assertThat(broker.isAlive()).as("broker: %s", Files.readString(log)).isTrue();
            String address = Files.readString(file).trim();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(Files.readString(log)).contains("Kafka broker ready at " + address,
                            "address in " + file.toAbsolutePath()));

            Result r = parley(cwd, "ingest", "a.txt");
            assertThat(r.exit()).as("stderr: %s", r.stderr()).isZero();
            assertThat(r.stdout()).contains("published 1");
        } finally {
            broker.destroy();
            assertThat(broker.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(cwd.resolve(".parley/bootstrap")).as("removed when the broker stops").doesNotExist();
    }

    @Test
    void everyCommandFailsFastWithOneLineWhenNoBrokerAnswers(KafkaFixture kafka) throws Exception {
        Path cwd = Files.createDirectories(kafka.tempDir().resolve("discovery-gone"));
        String nobody = "127.0.0.1:" + freePort();
        BrokerAddress.write(cwd.resolve(".parley"), nobody);
        Files.writeString(cwd.resolve("a.txt"), "Russia and the United States held talks in Istanbul.");

        for (String[] args : List.of(new String[] {"watch", "--once"}, new String[] {"subscribe"},
                new String[] {"ingest", "a.txt"}, new String[] {"sink", "--out", "o"})) {
            Result r = parley(cwd, args);
            assertThat(r.exit()).as("%s: stderr %s", args[0], r.stderr()).isEqualTo(1);
            assertThat(r.stderr()).as(args[0]).singleElement().asString()
                    .startsWith("parley " + args[0] + ": no Kafka broker answered within 10 s at " + nobody)
                    .contains(".parley/bootstrap");
            // JVM start, the 10 s probe and the exit; never the clients' 30-60 s timeouts.
            assertThat(r.millis()).as(args[0]).isLessThan(25_000);
        }
    }

    @Test
    void aMalformedAddressIsOneLine(KafkaFixture kafka) throws Exception {
        Path cwd = Files.createDirectories(kafka.tempDir().resolve("discovery-bad"));
        Result r = parley(cwd, "subscribe", "--bootstrap-server", "localhost:90921");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.stderr()).containsExactly("parley subscribe: --bootstrap-server 'localhost:90921' has port "
                + "'90921'; a port is 1-65535");
    }
}
