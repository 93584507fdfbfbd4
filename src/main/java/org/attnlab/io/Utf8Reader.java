package org.attnlab.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A strict UTF-8 reader for attnlab's input files: a leading byte-order mark (U+FEFF) is skipped, and the first
 * invalid byte sequence fails with an {@link EncodingException} giving its line and column (the JDK's
 * {@code MalformedInputException: Input length = 1} gives neither). Streams: memory does not grow with the file.
 */
public final class Utf8Reader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private boolean eof;
    private boolean flushed;
    private long decoded;
    private boolean first = true;
    private long line = 1;
    private long column = 1;

    /** Reads UTF-8 from {@code in} (closed with this reader). */
    public Utf8Reader(InputStream in) {
        this.in = in;
        bytes.flip();
        chars.flip();
    }

    /** Opens {@code file} for strict UTF-8 reading. */
    public static Utf8Reader open(Path file) throws IOException {
        return new Utf8Reader(Files.newInputStream(file));
    }

    /** The whole of {@code file} as text (byte-order mark removed). */
    public static String readString(Path file) throws IOException {
        try (Utf8Reader r = open(file)) {
            StringBuilder sb = new StringBuilder();
            char[] buf = new char[8192];
            int n;
            while ((n = r.read(buf, 0, buf.length)) >= 0) {
                sb.append(buf, 0, n);
            }
            return sb.toString();
        }
    }

    @Override
    public int read(char[] cbuf, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!chars.hasRemaining()) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(len, chars.remaining());
        chars.get(cbuf, off, n);
        return n;
    }

    /** Decodes more characters into {@code chars}; false at the end of input. */
    private boolean fill() throws IOException {
        chars.clear();
        while (chars.position() == 0) {
            if (flushed) {
                chars.flip();
                return false;
            }
            if (!eof && bytes.remaining() < 8) {
                bytes.compact();
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    eof = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
            }
            int start = chars.position();
            CoderResult cr = decoder.decode(bytes, chars, eof);
            track(start, chars.position());
            if (cr.isError()) {
                StringBuilder hex = new StringBuilder();
                for (int k = 0; k < cr.length() && bytes.position() + k < bytes.limit(); k++) {
                    hex.append(k == 0 ? "" : " ").append(String.format(Locale.ROOT, "0x%02X",
                            bytes.get(bytes.position() + k) & 0xff));
                }
                throw new EncodingException(line, column, hex.toString());
            }
            if (eof && cr.isUnderflow()) {
                decoder.flush(chars);
                flushed = true;
            }
        }
        chars.flip();
        if (first) {
            first = false;
            if (chars.get(chars.position()) == '\uFEFF') {
                chars.get();
            }
        }
        return true;
    }

    /** Advances line and column over the characters just decoded into chars[start, end). */
    private void track(int start, int end) {
        char[] a = chars.array();
        for (int k = start; k < end; k++) {
            boolean bom = decoded == 0 && a[k] == '\uFEFF';
            decoded++;
            if (a[k] == '\n') {
                line++;
                column = 1;
            } else if (!bom) {
                column++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
