package org.parley.processor.stance;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.parley.common.DyadStance;

/** The binary serdes of the stance stores and of the stance repartition topics (see {@link CompactSerde}). */
public final class StanceSerdes {
    private static final int MAX_ENTRIES = 1 << 20;

    private StanceSerdes() {
    }

    public static CompactSerde<StanceEvent> stanceEvent() {
        return new CompactSerde<>("StanceEvent") {
            @Override
            void write(StanceEvent e, DataOutputStream out) throws IOException {
                out.writeUTF(e.id());
                out.writeUTF(e.articleId());
                out.writeUTF(e.source());
                out.writeUTF(e.target());
                out.writeLong(e.date().toEpochDay());
                out.writeUTF(e.cameo());
                out.writeUTF(e.root());
                out.writeByte(e.quadClass());
                out.writeDouble(e.goldstein());
            }

            @Override
            StanceEvent read(DataInputStream in) throws IOException {
                return new StanceEvent(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
                        LocalDate.ofEpochDay(in.readLong()), in.readUTF(), in.readUTF(), in.readByte(),
                        in.readDouble());
            }
        };
    }

    /** One article's events of one dyad: the record of the events-by-dyad repartition topic. */
    public static CompactSerde<List<StanceEvent>> stanceEvents() {
        return listOf(stanceEvent(), "StanceEvent list", "event");
    }

    /** A dyad's day with the codes counted in it: the value of the dyad-days store. */
    public static CompactSerde<DyadDay> dyadDay() {
        CompactSerde<DyadStance> stance = dyadStance();
        return new CompactSerde<>("DyadDay") {
            @Override
            void write(DyadDay d, DataOutputStream out) throws IOException {
                stance.write(d.stance(), out);
                writeCounts(out, d.mentionsByCode());
            }

            @Override
            DyadDay read(DataInputStream in) throws IOException {
                return new DyadDay(stance.read(in), readCounts(in));
            }
        };
    }

    public static CompactSerde<DyadStance> dyadStance() {
        return new CompactSerde<>("DyadStance") {
            @Override
            void write(DyadStance d, DataOutputStream out) throws IOException {
                writeNullableString(out, d.source());
                writeNullableString(out, d.target());
                out.writeLong(d.events());
                out.writeLong(d.mentions());
                out.writeDouble(d.goldsteinSum());
                out.writeDouble(d.goldsteinMean());
                writeCounts(out, d.quadCounts());
                writeCounts(out, d.rootCounts());
                out.writeDouble(d.cooperationShare());
                out.writeDouble(d.stance());
                writeInstant(out, d.firstEventTime());
                writeInstant(out, d.lastEventTime());
                out.writeInt(d.lastEventIds().size());
                for (String id : d.lastEventIds()) {
                    out.writeUTF(id);
                }
                writeInstant(out, d.updatedAt());
            }

            @Override
            DyadStance read(DataInputStream in) throws IOException {
                String source = readNullableString(in);
                String target = readNullableString(in);
                long events = in.readLong();
                long mentions = in.readLong();
                double sum = in.readDouble();
                double mean = in.readDouble();
                Map<String, Long> quads = readCounts(in);
                Map<String, Long> roots = readCounts(in);
                double cooperation = in.readDouble();
                double stance = in.readDouble();
                var first = readInstant(in);
                var last = readInstant(in);
                int n = readCount(in, MAX_ENTRIES, "event id");
                List<String> ids = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ids.add(in.readUTF());
                }
                return new DyadStance(source, target, events, mentions, sum, mean, quads, roots, cooperation, stance,
                        first, last, List.copyOf(ids), readInstant(in));
            }
        };
    }

    /** A country's share over one partition's dyads: the record of the country-shares repartition topic. */
    public static CompactSerde<StanceUpdate.Share> share() {
        CompactSerde<CountryAggregator.State> state = countryState();
        return new CompactSerde<>("Share") {
            @Override
            void write(StanceUpdate.Share s, DataOutputStream out) throws IOException {
                out.writeInt(s.partition());
                state.write(s.share(), out);
            }

            @Override
            StanceUpdate.Share read(DataInputStream in) throws IOException {
                return new StanceUpdate.Share(in.readInt(), state.read(in));
            }
        };
    }

    public static CompactSerde<CountryAggregator.State> countryState() {
        return new CompactSerde<>("CountryAggregator.State") {
            @Override
            void write(CountryAggregator.State s, DataOutputStream out) throws IOException {
                out.writeUTF(s.code());
                out.writeLong(s.sourceEvents());
                out.writeDouble(s.sourceSum());
                writeScore(out, s.sourceStance());
                out.writeLong(s.targetEvents());
                out.writeDouble(s.targetSum());
                writeScore(out, s.targetStance());
                out.writeInt(s.towards().size());
                for (Map.Entry<String, DecayedScore> t : s.towards().entrySet()) {
                    out.writeUTF(t.getKey());
                    writeScore(out, t.getValue());
                }
            }

            @Override
            CountryAggregator.State read(DataInputStream in) throws IOException {
                String code = in.readUTF();
                long sourceEvents = in.readLong();
                double sourceSum = in.readDouble();
                DecayedScore sourceStance = readScore(in);
                long targetEvents = in.readLong();
                double targetSum = in.readDouble();
                DecayedScore targetStance = readScore(in);
                int n = readCount(in, MAX_ENTRIES, "counterpart");
                Map<String, DecayedScore> towards = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    towards.put(in.readUTF(), readScore(in));
                }
                return new CountryAggregator.State(code, sourceEvents, sourceSum, sourceStance, targetEvents,
                        targetSum, targetStance, towards);
            }
        };
    }

    private static <T> CompactSerde<List<T>> listOf(CompactSerde<T> one, String typeName, String what) {
        return new CompactSerde<>(typeName) {
            @Override
            void write(List<T> list, DataOutputStream out) throws IOException {
                out.writeInt(list.size());
                for (T item : list) {
                    one.write(item, out);
                }
            }

            @Override
            List<T> read(DataInputStream in) throws IOException {
                int n = readCount(in, MAX_ENTRIES, what);
                List<T> list = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    list.add(one.read(in));
                }
                return List.copyOf(list);
            }
        };
    }

    private static void writeCounts(DataOutputStream out, Map<String, Long> counts) throws IOException {
        out.writeInt(counts.size());
        for (Map.Entry<String, Long> c : counts.entrySet()) {
            out.writeUTF(c.getKey());
            out.writeLong(c.getValue());
        }
    }

    private static Map<String, Long> readCounts(DataInputStream in) throws IOException {
        int n = CompactSerde.readCount(in, MAX_ENTRIES, "count");
        Map<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            counts.put(in.readUTF(), in.readLong());
        }
        return counts;
    }

    private static void writeScore(DataOutputStream out, DecayedScore s) throws IOException {
        out.writeDouble(s.value());
        CompactSerde.writeInstant(out, s.asOf());
    }

    private static DecayedScore readScore(DataInputStream in) throws IOException {
        return new DecayedScore(in.readDouble(), CompactSerde.readInstant(in));
    }
}
