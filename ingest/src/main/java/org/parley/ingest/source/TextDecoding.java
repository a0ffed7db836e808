package org.parley.ingest.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the bytes of an input into text, refusing binary data and text that is not valid in its encoding.
 *
 * <p>Text inputs must be UTF-8 (a byte-order mark is allowed). Bytes that are not valid UTF-8 are rejected
 * rather than guessed at: a wrong guess would publish mangled names that the coder then misreads, and the
 * user can re-save the file as UTF-8. The one exception is an HTML page that declares its own charset in a
 * meta tag: that declaration is honoured, still strictly.
 */
final class TextDecoding {
    /** How much of the start of an input the control-character test looks at. */
    static final int SNIFF_BYTES = 8192;
    /** Share of control characters above which an input counts as binary. */
    static final double MAX_CONTROL_SHARE = 0.05;

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]*?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private TextDecoding() {
    }

    /** Rejects inputs with NUL bytes (anywhere), UTF-16 byte-order marks or many control characters. */
    static void requireText(byte[] bytes, int length, String noun) throws BadInputException {
        if (length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw new BadInputException("UTF-16 encoded text is not supported; save the file as UTF-8");
        }
        for (int i = 0; i < length; i++) {
            if (bytes[i] == 0) {
                throw new BadInputException("binary " + noun + ": contains NUL bytes (first at byte offset " + i + ")");
            }
        }
        int sniff = Math.min(length, SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < sniff; i++) {
            if (isBinaryControl(bytes[i])) {
                control++;
            }
        }
        if (sniff > 0 && control > sniff * MAX_CONTROL_SHARE) {
            throw new BadInputException(String.format(Locale.ROOT,
                    "binary %s: %.0f%% of the first %d bytes are control characters", noun,
                    100.0 * control / sniff, sniff));
        }
    }

    /** Control bytes that do not occur in text: everything below 0x20 except tab, newlines, form feed, ESC. */
    static boolean isBinaryControl(byte b) {
        return b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1B;
    }

    /** Strict UTF-8, without a leading byte-order mark. */
    static String utf8(byte[] bytes, int length) throws BadInputException {
        return decode(bytes, length, StandardCharsets.UTF_8, true);
    }

    /** Strict UTF-8 for one line of a multi-line input, whose origin names the line already. */
    static String utf8Line(byte[] bytes, int length) throws BadInputException {
        return decode(bytes, length, StandardCharsets.UTF_8, false);
    }

    /** The same test as {@link #requireText(byte[], int, String)} for input that arrives as characters. */
    static void requireText(CharSequence text, String noun) throws BadInputException {
        int sniff = Math.min(text.length(), SNIFF_BYTES);
        int control = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                throw new BadInputException("binary " + noun + ": contains NUL characters");
            }
            if (i < sniff && c < 0x20 && isBinaryControl((byte) c)) {
                control++;
            }
        }
        if (sniff > 0 && control > sniff * MAX_CONTROL_SHARE) {
            throw new BadInputException("binary " + noun + ": too many control characters");
        }
    }

    /** Decodes an HTML page in the charset its meta tag declares, or UTF-8 when it declares none. */
    static String html(byte[] bytes, int length) throws BadInputException {
        Charset declared = declaredCharset(bytes, length);
        return decode(bytes, length, declared == null ? StandardCharsets.UTF_8 : declared, true);
    }

    static Charset declaredCharset(byte[] bytes, int length) {
        String head = new String(bytes, 0, Math.min(length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static String decode(byte[] bytes, int length, Charset charset, boolean withLine) throws BadInputException {
        int start = 0;
        if (charset.equals(StandardCharsets.UTF_8) && length >= 3 && bytes[0] == (byte) 0xEF
                && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF) {
            start = 3;
        }
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, length - start);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil((length - start) * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new BadInputException(invalidEncoding(bytes, in.position(), charset, withLine));
        }
        result = decoder.flush(out);
        if (result.isError()) {
            throw new BadInputException(invalidEncoding(bytes, in.position(), charset, withLine));
        }
        out.flip();
        return out.toString();
    }

    private static String invalidEncoding(byte[] bytes, int offset, Charset charset, boolean withLine) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        String what = charset.equals(StandardCharsets.UTF_8) ? "not valid UTF-8" : "not valid " + charset.name();
        String hint = charset.equals(StandardCharsets.UTF_8) ? "; save the file as UTF-8" : "";
        String where = withLine ? String.format(Locale.ROOT, "line %d, column %d", line, offset - lineStart + 1)
                : "column " + (offset - lineStart + 1);
        return String.format(Locale.ROOT, "%s: byte 0x%02X at %s%s", what, bytes[offset] & 0xFF, where, hint);
    }
}
