package org.parley.processor.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds which processor instance holds a key (interactive queries across instances) and relays requests to it.
 * Instances know each other through {@code application.server}; a relayed request carries {@link #FORWARDED}
 * so that it is never relayed twice (if ownership moved meanwhile, the answer is 503 and the client retries).
 */
final class InstanceRouter {
    static final String FORWARDED = "X-Parley-Forwarded";
    /** Query parameter of a fanned-out list request: answer from this instance's partitions only. */
    static final String LOCAL_ONLY = "scope";
    /** Header of a local-only list answer: the partitions (comma-separated) its rows come from. */
    static final String PARTITIONS = "X-Parley-Partitions";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final int configuredPartitions;
    /** The Authorization header relayed requests carry when the API requires a token, else null. */
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** @param self this instance's application.server, or null when it has none (then every query is local) */
    InstanceRouter(KafkaStreams streams, HostInfo self, String authorization, int configuredPartitions) {
        this.authorization = authorization;
        this.configuredPartitions = configuredPartitions;
        this.streams = streams;
        this.self = self;
    }

    /** Where a key lives: its owner (null when it is this instance) and its partition (-1 when unknown). */
    record Placement(HostInfo owner, int partition) {
    }

    /** A list part from another instance: its rows (JSON) and the partitions they were read from. */
    record Part(String body, BitSet partitions) {
    }

    /** False when this instance has no application.server: then every query is local and unpartitioned. */
    boolean distributed() {
        return self != null;
    }

    Placement placeOf(String store, String key) {
        if (self == null) {
            return new Placement(null, -1);
        }
        KeyQueryMetadata md = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        if (md == null || KeyQueryMetadata.NOT_AVAILABLE.equals(md) || md.activeHost() == null) {
            throw new Unavailable("no instance holds " + store + " key " + key + " right now");
        }
        return new Placement(self.equals(md.activeHost()) ? null : md.activeHost(), md.partition());
    }

    /**
     * The partition count of the application's input and so of its stores (Parley co-partitions everything):
     * the highest partition any instance is assigned, or the configured count if higher.
     */
    int partitionCount() {
        int max = configuredPartitions - 1;
        for (StreamsMetadata m : streams.metadataForAllStreamsClients()) {
            for (TopicPartition tp : m.topicPartitions()) {
                max = Math.max(max, tp.partition());
            }
        }
        return max + 1;
    }

    static String formatPartitions(BitSet partitions) {
        return partitions.stream().mapToObj(Integer::toString).collect(Collectors.joining(","));
    }

    private static BitSet parsePartitions(String s) {
        BitSet out = new BitSet();
        for (String p : s.split(",")) {
            if (!p.isBlank()) {
                out.set(Integer.parseInt(p.trim()));
            }
        }
        return out;
    }

    /** Every other instance holding part of {@code store}. */
    List<HostInfo> othersHolding(String store) {
        if (self == null) {
            return List.of();
        }
        Collection<StreamsMetadata> all = streams.streamsMetadataForStore(store);
        List<HostInfo> out = new ArrayList<>();
        for (StreamsMetadata m : all) {
            if (!self.equals(m.hostInfo())) {
                out.add(m.hostInfo());
            }
        }
        return out;
    }

    static boolean isForwarded(Context ctx) {
        return ctx.header(FORWARDED) != null;
    }

    static boolean isLocalOnly(Context ctx) {
        return "local".equals(ctx.queryParam(LOCAL_ONLY));
    }

    /** Relays this request to {@code owner} and copies its answer back. */
    void forward(Context ctx, HostInfo owner) {
        if (isForwarded(ctx)) {
            throw new Unavailable("ownership is moving between instances");
        }
        String query = ctx.queryString();
        HttpResponse<String> r = get(owner, ctx.path() + (query == null ? "" : "?" + query));
        ctx.status(r.statusCode()).contentType(r.headers().firstValue("Content-Type").orElse("application/json"));
        r.headers().firstValue("Retry-After").ifPresent(v -> ctx.header("Retry-After", v));
        ctx.header("X-Parley-Served-By", owner.host() + ":" + owner.port());
        ctx.result(r.body());
    }

    /** GET {@code pathAndQuery} of another instance, answering from its own partitions only. */
    Part fetchLocalPart(HostInfo host, String path, String query) {
        String q = (query == null || query.isBlank() ? "" : query + "&") + LOCAL_ONLY + "=local";
        HttpResponse<String> r = get(host, path + "?" + q);
        if (r.statusCode() != 200) {
            throw new Unavailable("instance " + host.host() + ":" + host.port() + " answered " + r.statusCode());
        }
        String partitions = r.headers().firstValue(PARTITIONS).orElseThrow(() -> new Unavailable("instance "
                + host.host() + ":" + host.port() + " did not say which partitions it answered for"));
        return new Part(r.body(), parsePartitions(partitions));
    }

    private HttpResponse<String> get(HostInfo host, String pathAndQuery) {
        URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header(FORWARDED, "1")
                .GET();
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        try {
            return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Unavailable("instance " + host.host() + ":" + host.port() + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        }
    }

    /** The data is elsewhere or moving: the client should retry shortly (503 with Retry-After). */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
