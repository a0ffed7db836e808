package org.parley.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines without decoding it, so that each line of a JSON-lines file can be decoded,
 * and rejected, on its own. A line longer than the limit is skipped over rather than held in memory.
 */
final class ByteLines {
    /**
     * One line without its terminator.
     *
     * @param number  1-based line number
     * @param bytes   the line's bytes, or empty when it was too long
     * @param length  the line's length in bytes
     * @param tooLong whether it exceeded the limit (its bytes were dropped)
     */
    record Line(int number, byte[] bytes, long length, boolean tooLong) {
        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\f') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final long maxLine;
    private final byte[] buf = new byte[64 * 1024];
    private int pos;
    private int lim;
    private int number;
    private byte[] line = new byte[4096];

    ByteLines(InputStream in, long maxLine) {
        this.in = in;
        this.maxLine = maxLine;
    }

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException {
        long length = 0;
        boolean any = false;
        boolean tooLong = false;
        while (true) {
            if (pos == lim) {
                int n = in.read(buf);
                pos = 0;
                lim = Math.max(n, 0);
                if (n <= 0) {
                    if (!any) {
                        return null;
                    }
                    break;
                }
            }
            any = true;
            int nl = -1;
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    nl = i;
                    break;
                }
            }
            int end = nl < 0 ? lim : nl;
            int n = end - pos;
            if (!tooLong && length + n > maxLine) {
                tooLong = true;
            }
            if (!tooLong) {
                append((int) length, pos, n);
            }
            length += n;
            pos = nl < 0 ? lim : nl + 1;
            if (nl >= 0) {
                break;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, new byte[0], length, true);
        }
        int len = (int) length;
        if (len > 0 && line[len - 1] == '\r') {
            len--;
        }
        return new Line(number, Arrays.copyOf(line, len), len, false);
    }

    private void append(int at, int from, int n) {
        if (at + n > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, at + n));
        }
        System.arraycopy(buf, from, line, at, n);
    }
}
