package org.rlhfworkbench.formats;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.DoubleConsumer;

/** Reports the fraction of a file's bytes read so far (0..1) while it is read. */
final class CountingStream extends FilterInputStream {
    private final long total;
    private final DoubleConsumer progress;
    private long read;

    CountingStream(InputStream in, long total, DoubleConsumer progress) {
        super(in);
        this.total = total;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        read += n;
        progress.accept(total <= 0 ? 1.0 : Math.min(1.0, (double) read / total));
    }
}
