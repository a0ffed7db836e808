package org.parley.processor.stance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.parley.common.DyadStance;

/**
 * The dyad task: counts each distinct event once, and keeps each dyad's all-time value and daily values. Runs on
 * one article's mentions of the dyads of this task, so a dyad is read, written and published once per article.
 *
 * <p>A dyad's new value is published at most once per {@link #DYAD_INTERVAL} (the commit interval), with the
 * latest of its changes: a dyad mentioned by several articles between two commits is published once, like its
 * changelog. Its store row is written at once. A crash can lose the publication of rows changed just before it, so
 * after every (re)initialisation the rows changed within {@link #REPUBLISH_MARGIN} of the task's latest change are
 * published again: Kafka Streams checks schedules between batches of records that take a fraction of the commit
 * interval, so no row stays unpublished longer than that.
 *
 * <p>A distinct event is (dyad, day, CAMEO code): whether a mention is the first of its event is read from its
 * day's row in {@value StanceTopology#DAILY_STANCE_STORE}, which the mention updates anyway, so counting costs no
 * store of its own. Country rows are functions of their dyads (see {@link CountryAggregator#over}): this task sends,
 * at most once per {@link #SHARE_INTERVAL}, each changed country's share over its own dyads, instead of one record
 * per new event and country. The shares are derived from the dyad store, and all of them are sent again after every
 * (re)initialisation, so a share whose sending died with a crash is made good.
 */
final class StanceProcessor implements Processor<String, List<StanceEvent>, String, StanceUpdate> {
    /**
     * How often changed country shares are sent on while articles keep coming: a country row lags its dyads by
     * about this much. Once the task is idle (nothing processed for a {@link #DYAD_INTERVAL}) they go at once, so a
     * pipeline that has caught up also has its country rows, and a clean stop loses nothing.
     */
    static final Duration SHARE_INTERVAL = Duration.ofSeconds(1);
    /** How often changed dyad values are published. */
    static final Duration DYAD_INTERVAL = Duration.ofMillis(100);
    /** After a restart, rows changed this long before the latest change are published again. */
    static final Duration REPUBLISH_MARGIN = Duration.ofMinutes(1);

    private final DyadAggregator dyadAggregator;
    private final DailyAggregator dailyAggregator;
    private final CountryAggregator countryAggregator;
    private final Clock clock;
    private final CountryShares shares = new CountryShares();
    /** Dyad values changed since they were last published, each with the record that publishes it. */
    private final Map<String, Record<String, StanceUpdate>> unpublished = new LinkedHashMap<>();
    private ProcessorContext<String, StanceUpdate> context;
    private KeyValueStore<String, DyadStance> dyads;
    private KeyValueStore<String, DyadDay> days;
    private long lastProcessedMs;
    private long sharesSentMs;

    StanceProcessor(StanceSettings settings, Clock clock) {
        this.dyadAggregator = new DyadAggregator(settings);
        this.dailyAggregator = new DailyAggregator(settings.lastEventIds());
        this.countryAggregator = new CountryAggregator(settings);
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, StanceUpdate> context) {
        this.context = context;
        this.dyads = context.getStateStore(StanceTopology.DYAD_STANCE_STORE);
        this.days = context.getStateStore(StanceTopology.DAILY_STANCE_STORE);
        shares.clear();
        unpublished.clear();
        Instant latest = Instant.EPOCH;
        try (KeyValueIterator<String, DyadStance> all = dyads.all()) {
            while (all.hasNext()) {
                KeyValue<String, DyadStance> kv = all.next();
                shares.put(kv.key, kv.value);
                if (kv.value.updatedAt() != null && kv.value.updatedAt().isAfter(latest)) {
                    latest = kv.value.updatedAt();
                }
            }
        }
        republishSince(latest.minus(REPUBLISH_MARGIN));
        context.schedule(DYAD_INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::publish);
    }

    private void republishSince(Instant since) {
        long now = context.currentSystemTimeMs();
        try (KeyValueIterator<String, DyadStance> all = dyads.all()) {
            all.forEachRemaining(kv -> {
                if (kv.value.updatedAt() == null || !kv.value.updatedAt().isBefore(since)) {
                    unpublished.put(kv.key, new Record<>(kv.key, new StanceUpdate.Dyad(kv.value), now));
                }
            });
        }
    }

    @Override
    public void process(Record<String, List<StanceEvent>> record) {
        lastProcessedMs = context.currentSystemTimeMs();
        Map<String, List<StanceEvent>> byDyad = new LinkedHashMap<>();
        for (StanceEvent e : record.value()) {
            byDyad.computeIfAbsent(e.dyadKey(), k -> new ArrayList<>()).add(e);
        }
        byDyad.forEach((dyad, mentions) -> update(dyad, mentions, record.timestamp()));
    }

    /** One article's mentions of one dyad, in article order. */
    private void update(String dyad, List<StanceEvent> mentions, long timestamp) {
        DyadStance current = dyads.get(dyad);
        if (current == null) {
            current = DyadAggregator.empty(mentions.get(0).source(), mentions.get(0).target());
        }
        long eventsBefore = current.events();
        Instant now = clock.instant();
        Map<String, DyadDay> touched = new LinkedHashMap<>();
        for (StanceEvent e : mentions) {
            String key = dyad + "@" + e.date();
            DyadDay day = touched.get(key);
            if (day == null) {
                day = days.get(key);
            }
            if (day == null) {
                day = DyadDay.empty(e);
            }
            current = day.counted(e.cameo()) ? dyadAggregator.mention(current, now)
                    : dyadAggregator.add(current, e, now);
            touched.put(key, dailyAggregator.add(day, e));
        }
        dyads.put(dyad, current);
        unpublished.put(dyad, new Record<>(dyad, new StanceUpdate.Dyad(current), timestamp));
        touched.forEach((key, day) -> {
            days.put(key, day);
            context.forward(new Record<>(key, new StanceUpdate.Day(day.stance()), timestamp));
        });
        if (current.events() != eventsBefore) {
            shares.put(dyad, current);
        }
    }

    private void publish(long now) {
        unpublished.values().forEach(context::forward);
        unpublished.clear();
        boolean idle = now - lastProcessedMs >= DYAD_INTERVAL.toMillis();
        if (shares.anyChanged() && (idle || now - sharesSentMs >= SHARE_INTERVAL.toMillis())) {
            sendShares(now);
            sharesSentMs = now;
        }
    }

    private void sendShares(long now) {
        int partition = context.taskId().partition();
        shares.takeChanged(countryAggregator).forEach((code, share) ->
                context.forward(new Record<>(code, new StanceUpdate.Share(partition, share), now)));
    }
}
