package org.parley.processor.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.parley.common.DyadKey;
import org.parley.common.DyadStance;
import org.parley.common.Json;
import org.parley.common.ParleyConfig;
import org.parley.processor.stance.CountryAggregator;
import org.parley.processor.stance.StanceTopology;

/**
 * The processor's HTTP API over its own state stores (interactive queries). Answers 503 with Retry-After
 * while the stores are not queryable (starting or rebalancing).
 */
public final class HttpApi implements AutoCloseable {
    private final ParleyConfig config;
    private final PrometheusMeterRegistry registry;
    private Javalin app;
    private volatile KafkaStreams streams;

    public HttpApi(ParleyConfig config, PrometheusMeterRegistry registry) {
        this.config = config;
        this.registry = registry;
    }

    public void attach(KafkaStreams streams) {
        this.streams = streams;
    }

    public void start() {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
        });
        app.get("/health", this::health);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        app.get("/api/stance/dyads", this::dyads);
        app.get("/api/stance/dyads/{src}/{tgt}", this::dyad);
        app.get("/api/stance/countries/{code}", this::country);
        app.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx));
        app.exception(IllegalArgumentException.class, (e, ctx) ->
                ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
        app.start(config.httpBind(), config.httpPort());
    }

    public int port() {
        return app == null ? -1 : app.port();
    }

    private void health(Context ctx) {
        KafkaStreams.State state = streams == null ? null : streams.state();
        boolean up = state == KafkaStreams.State.RUNNING;
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("state", state == null ? "NOT_STARTED" : state.name()));
    }

    private static void unavailable(Context ctx) {
        ctx.header("Retry-After", "1").status(HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("error", "state stores are not available yet (starting or rebalancing)"));
    }

    private <V> ReadOnlyKeyValueStore<String, V> store(String name) {
        if (streams == null || streams.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("not running");
        }
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore()));
    }

    private void dyads(Context ctx) {
        String country = upper(ctx.queryParam("country"));
        String sort = ctx.queryParamAsClass("sort", String.class).getOrDefault("events");
        int limit = ctx.queryParamAsClass("limit", Integer.class).check(l -> l > 0 && l <= 10_000,
                "limit must be 1..10000").getOrDefault(100);
        Comparator<DyadStance> order = switch (sort) {
            case "events" -> Comparator.comparingLong(DyadStance::events).reversed();
            case "stance" -> Comparator.comparingDouble(DyadStance::stance);
            case "-stance" -> Comparator.comparingDouble(DyadStance::stance).reversed();
            case "goldstein" -> Comparator.comparingDouble(DyadStance::goldsteinSum);
            case "recent" -> Comparator.comparing(DyadStance::lastEventTime,
                    Comparator.nullsFirst(Comparator.naturalOrder())).reversed();
            default -> throw new IllegalArgumentException("sort must be events, stance, -stance, goldstein or recent");
        };
        List<DyadStance> rows = new ArrayList<>();
        ReadOnlyKeyValueStore<String, DyadStance> store = store(StanceTopology.DYAD_STANCE_STORE);
        try (KeyValueIterator<String, DyadStance> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, DyadStance> kv = it.next();
                if (country == null || country.equals(kv.value.source()) || country.equals(kv.value.target())) {
                    rows.add(kv.value);
                }
            }
        }
        rows.sort(order.thenComparing(d -> DyadKey.of(d.source(), d.target())));
        ctx.json(rows.size() > limit ? rows.subList(0, limit) : rows);
    }

    private void dyad(Context ctx) {
        String key = DyadKey.of(upper(ctx.pathParam("src")), upper(ctx.pathParam("tgt")));
        DyadStance d = this.<DyadStance>store(StanceTopology.DYAD_STANCE_STORE).get(key);
        if (d == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no events for dyad " + key));
        } else {
            ctx.json(d);
        }
    }

    private void country(Context ctx) {
        String code = upper(ctx.pathParam("code"));
        CountryAggregator.State s = this.<CountryAggregator.State>store(StanceTopology.COUNTRY_STANCE_STORE)
                .get(code);
        if (s == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no events for " + code));
        } else {
            ctx.json(CountryAggregator.view(s, null));
        }
    }

    private static String upper(String s) {
        return s == null || s.isBlank() ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
