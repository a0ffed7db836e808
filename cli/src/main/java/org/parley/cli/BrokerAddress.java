package org.parley.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.parley.contracts.KafkaSettings;
import org.parley.contracts.ParleyEnv;

/**
 * Where the commands find Kafka, and how they say so when it is not there.
 *
 * <p>{@code parley run} and {@code parley broker} write the bootstrap address they serve to a well-known file,
 * {@code DATA/bootstrap} ({@value #FILE_NAME}; DATA is {@code run --data}, default {@code .parley}, or the parent of
 * {@code broker --data}). Commands given no {@code --bootstrap-server} and no {@code PARLEY_BOOTSTRAP_SERVERS} read
 * it from {@code $PARLEY_DATA/bootstrap} (default {@code ./.parley/bootstrap}) before falling back to
 * {@code localhost:9092}.
 */
final class BrokerAddress {
    static final String FILE_NAME = "bootstrap";
    static final String DATA_ENV = "PARLEY_DATA";
    /** How long a command waits for a broker to answer before it gives up with one line. */
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10); // 5 s was missed by a loaded 2-core CI machine

    private BrokerAddress() {
    }

    static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /** The data folder commands look in: {@code $PARLEY_DATA}, else {@code .parley}. */
    static Path defaultDataDir(ParleyEnv env) {
        return env.path(DATA_ENV, Path.of(".parley"));
    }

    /** Writes the address atomically, so a reader never sees half of it. */
    static void write(Path dataDir, String servers) {
        try {
            Files.createDirectories(dataDir);
            Path tmp = Files.createTempFile(dataDir, ".bootstrap", ".tmp");
            Files.writeString(tmp, servers + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file(dataDir), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file(dataDir), e);
        }
    }

    /** Removes the file if it still holds {@code servers} (another run may have replaced it since). */
    static void remove(Path dataDir, String servers) {
        try {
            if (servers.equals(read(dataDir))) {
                Files.deleteIfExists(file(dataDir));
            }
        } catch (IOException | RuntimeException ignored) {
            // a stale file only costs the next command a failed probe and a clear message
        }
    }

    /** The address in the data folder's file, or null when there is none. */
    static String read(Path dataDir) {
        Path f = file(dataDir);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            String s = Files.readString(f, StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? null : s;
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Checks a bootstrap list: comma-separated {@code HOST:PORT} (IPv6 as {@code [::1]:9092}), port 1-65535, no
     * scheme. Returns it trimmed, or throws {@link IllegalArgumentException} saying what is wrong.
     */
    static String validate(String servers) {
        if (servers == null || servers.isBlank()) {
            throw new IllegalArgumentException("is empty; expected HOST:PORT, e.g. localhost:9092");
        }
        StringBuilder out = new StringBuilder();
        for (String raw : servers.split(",", -1)) {
            String s = raw.trim();
            if (s.isEmpty()) {
                throw new IllegalArgumentException("'" + servers + "' has an empty entry; expected "
                        + "HOST:PORT[,HOST:PORT...]");
            }
            if (s.contains("://")) {
                throw new IllegalArgumentException("'" + s + "' has a scheme; give HOST:PORT without "
                        + s.substring(0, s.indexOf("://") + 3));
            }
            int colon = s.lastIndexOf(':');
            String host = colon < 0 ? s : s.substring(0, colon);
            String port = colon < 0 ? "" : s.substring(colon + 1);
            if (colon < 0 || port.isEmpty()) {
                throw new IllegalArgumentException("'" + s + "' has no port; expected HOST:PORT, e.g. " + s
                        + ":9092");
            }
            boolean ipv6 = host.startsWith("[") && host.endsWith("]") && host.length() > 2;
            if (host.isEmpty() || (!ipv6 && !host.matches("[A-Za-z0-9._-]+"))) {
                throw new IllegalArgumentException("'" + s + "' has no valid host name; expected HOST:PORT, "
                        + "e.g. localhost:9092");
            }
            int p;
            try {
                p = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                p = -1;
            }
            if (p < 1 || p > 65535) {
                throw new IllegalArgumentException("'" + s + "' has port '" + port + "'; a port is 1-65535");
            }
            out.append(out.isEmpty() ? "" : ",").append(host).append(':').append(p);
        }
        return out.toString();
    }

    /**
     * Asks the cluster to describe itself and throws {@link CliFailure} (one line) when no broker answers within
     * {@code timeout}, so that no command sits silent against an address where nothing listens.
     */
    static void requireReachable(KafkaSettings config, String whence, Duration timeout) {
        Properties p = config.kafkaProperties();
        int ms = (int) timeout.toMillis();
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, Math.min(ms, 1000));
        p.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, Math.min(ms, 2000));
        p.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
        String servers = config.bootstrapServers();
        String hint = "; start one with 'parley run' or 'parley broker', or name one with --bootstrap-server";
        try (Admin admin = Admin.create(p)) {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(ms)).clusterId()
                    .get(ms + 1000L, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new CliFailure("no Kafka broker answered within " + timeout.toSeconds() + " s at " + servers
                    + whence + hint, 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while reaching Kafka at " + servers, 1);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new CliFailure("cannot reach Kafka at " + servers + whence + ": " + e.getMessage() + hint, 1);
        }
    }
}
