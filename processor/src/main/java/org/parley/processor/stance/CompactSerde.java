package org.parley.processor.stance;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A binary serde for the processor's internal records: state stores and repartition topics, which nothing
 * outside the processor reads. JSON text cost more than half of the stream thread's time there (JFR; see
 * docs/benchmarks.md), mostly in formatting numbers and instants. Public topics stay JSON.
 *
 * <p>Each value starts with a format byte, so that a value written by another format version is refused with
 * a clear error (and dead-lettered where Streams reads it) instead of being misread.
 */
public abstract class CompactSerde<T> implements Serde<T> {
    private static final byte FORMAT = 1;
    private final String typeName;

    CompactSerde(String typeName) {
        this.typeName = typeName;
    }

    abstract void write(T value, DataOutputStream out) throws IOException;

    abstract T read(DataInputStream in) throws IOException;

    public final byte[] toBytes(T value) {
        if (value == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            write(value, out);
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot write " + typeName + ": " + e, e);
        }
        return bytes.toByteArray();
    }

    public final T fromBytes(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            byte format = in.readByte();
            if (format != FORMAT) {
                throw new SerializationException("not a " + typeName + " value: format byte " + format
                        + ", expected " + FORMAT + " (written by another Parley version?)");
            }
            T value = read(in);
            if (in.available() > 0) {
                throw new SerializationException("not a " + typeName + " value: " + in.available()
                        + " bytes left over");
            }
            return value;
        } catch (EOFException e) {
            throw new SerializationException("not a " + typeName + " value: truncated (" + bytes.length
                    + " bytes)", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se && se.getMessage().startsWith("not a ")) {
                throw se;
            }
            throw new SerializationException("not a " + typeName + " value: " + e.getMessage(), e);
        }
    }

    @Override
    public final Serializer<T> serializer() {
        return (topic, value) -> toBytes(value);
    }

    @Override
    public final Deserializer<T> deserializer() {
        return (topic, bytes) -> fromBytes(bytes);
    }

    static void writeNullableString(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    static String readNullableString(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }

    static void writeInstant(DataOutputStream out, Instant t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            out.writeLong(t.getEpochSecond());
            out.writeInt(t.getNano());
        }
    }

    static Instant readInstant(DataInputStream in) throws IOException {
        return in.readBoolean() ? Instant.ofEpochSecond(in.readLong(), in.readInt()) : null;
    }

    /** A count that a corrupt value could make huge: refuse it before allocating. */
    static int readCount(DataInputStream in, int max, String what) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new SerializationException("implausible " + what + " count " + n);
        }
        return n;
    }
}
