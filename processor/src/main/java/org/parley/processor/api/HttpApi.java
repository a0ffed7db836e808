package org.parley.processor.api;

import static org.parley.processor.api.QueryParams.code;
import static org.parley.processor.api.QueryParams.date;
import static org.parley.processor.api.QueryParams.day;
import static org.parley.processor.api.QueryParams.limit;
import static org.parley.processor.api.QueryParams.upper;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.validation.ValidationException;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.parley.common.DyadKey;
import org.parley.common.DyadStance;
import org.parley.common.Event;
import org.parley.common.Json;
import org.parley.processor.ProcessorLimits;
import org.parley.processor.ProcessorSettings;
import org.parley.processor.events.RecentEvents;
import org.parley.processor.events.RecentEventsQuery;
import org.parley.processor.faults.StreamFaults;
import org.parley.processor.live.LiveFeed;
import org.parley.processor.live.LiveStreams;
import org.parley.processor.stance.CountryAggregator;
import org.parley.processor.stance.DyadDay;
import org.parley.processor.stance.StanceTopology;
import org.parley.processor.subscribe.EventFilter;

/**
 * The processor's HTTP API: interactive queries over the state stores of every instance (a key's owner answers,
 * lists merge all instances), live Server-Sent Event streams, metrics and the dashboard. Answers 503 with
 * Retry-After while the stores cannot be queried (starting or rebalancing).
 */
public final class HttpApi implements AutoCloseable {
    /** Where articles are posted when the process ingests too (the path of ingest's own HTTP source). */
    public static final String ARTICLES = "/api/articles";
    private final ProcessorSettings config;
    private final PrometheusMeterRegistry registry;
    /** Null when no token is configured: then the API binds 127.0.0.1 by default and trusts the machine. */
    private final BearerAuth auth;
    private Javalin app;
    private volatile KafkaStreams streams;
    private volatile InstanceRouter router;
    private final LiveStreams live;
    private final Supplier<Optional<StreamFaults.Failure>> degraded;
    private final ReferenceNames names = ReferenceNames.shipped();
    /** What answers {@code POST /api/articles}; null (404) unless this process also ingests (parley run). */
    private volatile Handler articleIntake;

    public HttpApi(ProcessorSettings config, PrometheusMeterRegistry registry) {
        this(config, registry, ProcessorLimits.defaults().maxSseClients(), Optional::empty);
    }

    /**
     * @param maxSseClients live-stream clients served at once; more are answered 503
     * @param degraded      the latest stream-thread failure while it is recent, which makes {@code /health} DEGRADED
     */
    public HttpApi(ProcessorSettings config, PrometheusMeterRegistry registry, int maxSseClients,
                   Supplier<Optional<StreamFaults.Failure>> degraded) {
        this.config = config;
        this.registry = registry;
        this.auth = config.httpToken().map(BearerAuth::new).orElse(null);
        this.live = new LiveStreams(maxSseClients);
        this.degraded = degraded;
    }

    /** @param self this instance's application.server, or null when there is no other instance to talk to */
    public void attach(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.router = new InstanceRouter(streams, self, auth == null ? null : auth.authorizationHeader(),
                config.kafka().partitions());
    }

    public void attach(KafkaStreams streams) {
        attach(streams, null);
    }

    /** The feeds behind {@code /api/stream/stance} and {@code /api/stream/events}. */
    public void attachFeeds(LiveFeed stance, LiveFeed events) {
        live.attachFeeds(stance, events);
    }

    /** Takes {@code POST /api/articles} with {@code intake} (ingest's handler), behind the same token. */
    public void mountArticleIntake(Handler intake) {
        this.articleIntake = intake;
    }

    private void articles(Context ctx) throws Exception {
        Handler intake = articleIntake;
        if (intake == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "this process takes no articles: post them to "
                    + "parley run or parley ingest --http"));
        } else {
            intake.handle(ctx);
        }
    }

    public void start() {
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.jsonMapper(new JavalinJackson(Json.mapper(), false));
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/dashboard";
                sf.directory = "/dashboard";
                sf.location = Location.CLASSPATH;
            });
            cfg.staticFiles.enableWebjars();   // the dashboard's chart library, from its WebJar
        });
        if (auth != null) {
            app.before(auth::check);
        }
        app.get("/", ctx -> ctx.redirect("/dashboard/index.html"));
        app.get("/dashboard", ctx -> ctx.redirect("/dashboard/index.html"));
        app.get("/health", this::health);
        app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        app.get("/api/stance/dyads", this::dyads);
        app.get("/api/stance/dyads/{src}/{tgt}", this::dyad);
        app.get("/api/stance/countries/{code}", this::country);
        app.get("/api/stance/daily/{src}/{tgt}", this::daily);
        app.get("/api/stance/movers", this::movers);
        app.get("/api/events", this::events);
        app.post(ARTICLES, this::articles);
        app.get("/api/names", ctx -> ctx.json(names));
        app.get("/api/schemas", TopicSchemas::list);
        app.get("/api/schemas/{topic}", TopicSchemas::one);
        app.get("/dashboard/snapshot.js", new DashboardSnapshot(this::port, config.httpBind(),
                auth == null ? null : auth.authorizationHeader())::handle);
        app.get("/api/stream/stance", live::stance);
        app.get("/api/stream/events", live::events);
        app.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        app.exception(InstanceRouter.Unavailable.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) ->
                ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error", e.getMessage())));
        // Javalin's own validation answers in another shape; every 400 here says {"error": "..."}.
        app.exception(ValidationException.class, (e, ctx) -> ctx.status(HttpStatus.BAD_REQUEST).json(Map.of("error",
                e.getErrors().entrySet().stream().map(x -> x.getKey() + ": " + x.getValue().get(0).getMessage())
                        .collect(Collectors.joining("; ")))));
        app.start(config.httpBind(), config.httpPort());
    }

    public int port() {
        return app == null ? -1 : app.port();
    }

    /**
     * 200 only while RUNNING with no stream thread failed in the last {@link StreamFaults#DEGRADED_FOR}; after
     * such a failure, 503 with state DEGRADED and the failure, even while Kafka Streams says RUNNING.
     */
    private void health(Context ctx) {
        KafkaStreams.State state = streams == null ? null : streams.state();
        Optional<StreamFaults.Failure> failure = state == null ? Optional.empty() : degraded.get();
        if (failure.isPresent()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("state", "DEGRADED");
            body.put("streams", state.name());
            body.put("failedAt", failure.get().at().toString());
            body.put("failure", failure.get().message());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE).json(body);
            return;
        }
        boolean up = state == KafkaStreams.State.RUNNING;
        ctx.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("state", state == null ? "NOT_STARTED" : state.name()));
    }

    private static void unavailable(Context ctx, String why) {
        ctx.header("Retry-After", "1").status(HttpStatus.SERVICE_UNAVAILABLE)
                .json(Map.of("error", "not available right now (starting or rebalancing): " + why));
    }

    private void requireRunning() {
        KafkaStreams s = streams;
        if (s == null || s.state() != KafkaStreams.State.RUNNING) {
            throw new InvalidStateStoreException("the processor is " + (s == null ? "not started" : s.state()));
        }
    }

    /**
     * This instance's active, running copy of one partition of a store ({@code partition} &lt; 0: all of them).
     * Asking for the partition matters: an unpartitioned query silently leaves out tasks that are still being
     * restored (just moved here), so it would answer "not found" or a partial list instead of 503.
     */
    private <S> S local(String name, QueryableStoreType<S> type, int partition) {
        requireRunning();
        StoreQueryParameters<S> params = StoreQueryParameters.fromNameAndType(name, type);
        return streams.store(partition < 0 ? params : params.withPartition(partition));
    }

    private <V> ReadOnlyKeyValueStore<String, V> kv(String name, int partition) {
        return local(name, QueryableStoreTypes.keyValueStore(), partition);
    }

    /** What {@link #ownedHere} returns when it relayed the request. */
    private static final int RELAYED = Integer.MIN_VALUE;

    /**
     * Answers a request for one key: here when this instance owns it, else relayed to the owner.
     * Returns the key's partition (to query here; -1 when unknown) or {@link #RELAYED}.
     */
    private int ownedHere(Context ctx, String store, String key) {
        requireRunning();
        InstanceRouter.Placement where = router.placeOf(store, key);
        if (where.owner() == null) {
            return where.partition();
        }
        router.forward(ctx, where.owner());
        return RELAYED;
    }

    /**
     * This instance's rows plus, unless asked for local rows only, every other instance's. Each instance reads
     * only partitions whose active task runs there and says which (header {@value InstanceRouter#PARTITIONS});
     * the merged list is served only when every partition was read exactly once, so that a list taken while
     * a partition moves is a 503, never a list with rows missing or doubled.
     */
    private <T, V> List<T> gather(Context ctx, String store,
                                  java.util.function.Function<ReadOnlyKeyValueStore<String, V>, List<T>> rowsOf,
                                  TypeReference<List<T>> type) {
        requireRunning();
        if (!router.distributed()) {
            return new ArrayList<>(rowsOf.apply(kv(store, -1)));
        }
        int partitions = router.partitionCount();
        List<T> rows = new ArrayList<>();
        java.util.BitSet served = new java.util.BitSet(partitions);
        for (int p = 0; p < partitions; p++) {
            // The store is looked up lazily, on first read: a partition not active here fails there.
            List<T> partRows;
            try {
                partRows = rowsOf.apply(kv(store, p));
            } catch (InvalidStateStoreException notActiveHere) {
                continue;
            }
            rows.addAll(partRows);
            served.set(p);
        }
        if (InstanceRouter.isLocalOnly(ctx)) {
            ctx.header(InstanceRouter.PARTITIONS, InstanceRouter.formatPartitions(served));
            return rows;
        }
        for (HostInfo other : router.othersHolding(store)) {
            InstanceRouter.Part part = router.fetchLocalPart(other, ctx.path(), ctx.queryString());
            if (served.intersects(part.partitions())) {
                throw new InstanceRouter.Unavailable("partitions " + part.partitions() + " of " + store
                        + " answered twice (ownership is moving)");
            }
            served.or(part.partitions());
            try {
                rows.addAll(Json.mapper().readValue(part.body(), type));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable answer from " + other, e);
            }
        }
        if (served.cardinality() != partitions) {
            throw new InstanceRouter.Unavailable("only partitions " + served + " of " + partitions + " of " + store
                    + " are available (ownership is moving)");
        }
        return rows;
    }

    private void dyads(Context ctx) {
        String country = upper(ctx.queryParam("country"));
        String sort = ctx.queryParamAsClass("sort", String.class).getOrDefault("events");
        int limit = limit(ctx, 100);
        Comparator<DyadStance> order = switch (sort) {
            case "events" -> Comparator.comparingLong(DyadStance::events).reversed();
            case "stance" -> Comparator.comparingDouble(DyadStance::stance);
            case "-stance" -> Comparator.comparingDouble(DyadStance::stance).reversed();
            case "goldstein" -> Comparator.comparingDouble(DyadStance::goldsteinSum);
            case "recent" -> Comparator.comparing(DyadStance::lastEventTime,
                    Comparator.nullsFirst(Comparator.naturalOrder())).reversed();
            default -> throw new IllegalArgumentException("sort must be events, stance, -stance, goldstein or recent");
        };
        List<DyadStance> rows = gather(ctx, StanceTopology.DYAD_STANCE_STORE,
                (ReadOnlyKeyValueStore<String, DyadStance> store) -> {
            List<DyadStance> local = new ArrayList<>();
            try (KeyValueIterator<String, DyadStance> it = store.all()) {
                while (it.hasNext()) {
                    KeyValue<String, DyadStance> kv = it.next();
                    if (country == null || country.equals(kv.value.source()) || country.equals(kv.value.target())) {
                        local.add(kv.value);
                    }
                }
            }
            return local;
        }, new TypeReference<>() { });
        rows.sort(order.thenComparing(d -> DyadKey.of(d.source(), d.target())));
        ctx.json(rows.size() > limit ? rows.subList(0, limit) : rows);
    }

    private void dyad(Context ctx) {
        String key = DyadKey.of(code(ctx.pathParam("src")), code(ctx.pathParam("tgt")));
        int partition = ownedHere(ctx, StanceTopology.DYAD_STANCE_STORE, key);
        if (partition == RELAYED) {
            return;
        }
        DyadStance d = this.<DyadStance>kv(StanceTopology.DYAD_STANCE_STORE, partition).get(key);
        if (d == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no events for dyad " + key));
        } else {
            ctx.json(d);
        }
    }

    private void country(Context ctx) {
        String code = code(ctx.pathParam("code"));
        int partition = ownedHere(ctx, StanceTopology.COUNTRY_STANCE_STORE, code);
        if (partition == RELAYED) {
            return;
        }
        CountryAggregator.State s = this.<CountryAggregator.State>kv(StanceTopology.COUNTRY_STANCE_STORE, partition)
                .get(code);
        if (s == null) {
            ctx.status(HttpStatus.NOT_FOUND).json(Map.of("error", "no events for " + code));
        } else {
            ctx.json(CountryAggregator.view(s, null));
        }
    }

    /** One day of a dyad. */
    public record DailyPoint(LocalDate date, DyadStance stance) {
    }

    private void daily(Context ctx) {
        String key = DyadKey.of(code(ctx.pathParam("src")), code(ctx.pathParam("tgt")));
        LocalDate from = date(ctx.queryParam("from"), LocalDate.of(1970, 1, 1), "from");
        LocalDate to = date(ctx.queryParam("to"), LocalDate.of(9999, 12, 31), "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
        int partition = ownedHere(ctx, StanceTopology.DAILY_STANCE_STORE, key);
        if (partition == RELAYED) {
            return;
        }
        // Keys are dyad@YYYY-MM-DD, so one dyad's days sort by date between the two keys.
        List<DailyPoint> points = new ArrayList<>();
        try (KeyValueIterator<String, DyadDay> it = this.<DyadDay>kv(StanceTopology.DAILY_STANCE_STORE,
                partition).range(key + "@" + from, key + "@" + to)) {
            while (it.hasNext()) {
                KeyValue<String, DyadDay> kv = it.next();
                points.add(new DailyPoint(LocalDate.parse(kv.key.substring(key.length() + 1)), kv.value.stance()));
            }
        }
        ctx.json(points);
    }

    /**
     * The dyads whose daily stance changed most between the last window and the one before ({@link StanceMovers}).
     * An instance asked for its local part sends its rows; the instance asked first ranks them all.
     */
    private void movers(Context ctx) {
        String window = ctx.queryParamAsClass("window", String.class).getOrDefault("week");
        int days = StanceMovers.days(window);
        LocalDate asOf = day(ctx.queryParam("date"), "date");
        int limit = limit(ctx, 10);
        List<StanceMovers.Day> rows = gather(ctx, StanceTopology.DAILY_STANCE_STORE,
                (ReadOnlyKeyValueStore<String, DyadDay> store) -> StanceMovers.recent(store, asOf, days),
                new TypeReference<>() { });
        if (InstanceRouter.isLocalOnly(ctx)) {
            ctx.json(rows);
        } else {
            ctx.json(StanceMovers.rank(rows, window, asOf, limit));
        }
    }

    /**
     * Recent events, filtered as {@code /api/stream/events} filters (country, dyad, root, quad; the same 400s)
     * and by event date ({@code since}, {@code until}: inclusive days).
     */
    private void events(Context ctx) {
        EventFilter filter = EventFilter.ofQuery(ctx.queryParam("country"), ctx.queryParam("dyad"),
                ctx.queryParam("root"), ctx.queryParam("quad"));
        LocalDate since = day(ctx.queryParam("since"), "since");
        LocalDate until = day(ctx.queryParam("until"), "until");
        if (since != null && until != null && until.isBefore(since)) {
            throw new IllegalArgumentException("until is before since");
        }
        int limit = limit(ctx, 100);
        Predicate<Event> wanted = e -> filter.matches(e) && (since == null || !e.date().isBefore(since))
                && (until == null || !e.date().isAfter(until));
        // An entry lists the countries its events involve: those the filter needs skip the others unparsed.
        List<String> required = new ArrayList<>();
        if (filter.countries().size() == 1) {
            required.addAll(filter.countries());
        }
        if (filter.dyads().size() == 1) {
            required.addAll(List.of(filter.dyads().iterator().next().split("->")));
        }
        // Events are filed in the task of their article's partition, so every partition holds some of a
        // country's events: each instance sends its newest `limit`, and the merge keeps the newest of those.
        List<Event> rows = gather(ctx, RecentEvents.STORE, (ReadOnlyKeyValueStore<String, byte[]> store) ->
                RecentEventsQuery.newest(store, required, wanted, limit), new TypeReference<>() { });
        ctx.json(RecentEventsQuery.newestDistinct(rows, limit));
    }

    @Override
    public void close() {
        live.close();
        if (app != null) {
            app.stop();
        }
    }

}
