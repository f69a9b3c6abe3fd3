package org.rlhfworkbench.formats;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** UTF-8 text in and out, gzip read directly (by magic bytes) and written for *.gz names. */
final class TextFiles {
    private TextFiles() {
    }

    /**
     * Lines of UTF-8 text, each decoded on its own: a line with invalid bytes is reported by its
     * number (and skipped with --skip-bad) instead of failing the whole file. A leading UTF-8 byte
     * order mark (Windows tools write one) is dropped. Lines end at \n; a \r before it is dropped.
     */
    static final class Lines implements java.io.Closeable {
        private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        private final InputStream in;
        private final java.nio.charset.CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private byte[] buf = new byte[1 << 12];
        private long number;

        Lines(InputStream raw) throws IOException {
            BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
            b.mark(2);
            int b1 = b.read();
            int b2 = b.read();
            b.reset();
            this.in = b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16) : b;
        }

        /** Number of the line {@link #next} returned or refused last (1-based). */
        long number() {
            return number;
        }

        /** The next line, or null at the end of the file; a {@link LineError} when its bytes are not UTF-8. */
        String next() throws IOException {
            int len = 0;
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (len == buf.length) {
                    buf = java.util.Arrays.copyOf(buf, buf.length * 2);
                }
                buf[len++] = (byte) c;
            }
            if (c == -1 && len == 0) {
                return null;
            }
            number++;
            int end = len > 0 && buf[len - 1] == '\r' ? len - 1 : len;
            int start = number == 1 && end >= 3 && buf[0] == BOM[0] && buf[1] == BOM[1] && buf[2] == BOM[2] ? 3 : 0;
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(buf, start, end - start);
            try {
                return decoder.reset().decode(bytes).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                int at = bytes.position() - start + 1;
                throw new LineError(String.format("not valid UTF-8 (byte 0x%02X at byte %d of the line)",
                        buf[bytes.position()] & 0xff, at));
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    static Writer writer(Path file) throws IOException {
        OutputStream out = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            out = new GZIPOutputStream(out, 1 << 16);
        }
        return new OutputStreamWriter(out, StandardCharsets.UTF_8);
    }
}
