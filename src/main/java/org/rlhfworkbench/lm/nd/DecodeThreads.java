package org.rlhfworkbench.lm.nd;

import ai.djl.pytorch.jni.JniUtils;

/**
 * Token-by-token decoding runs many tiny ops on a few rows, where intra-op thread hand-offs cost
 * more than they save: measured here (bench, 8 x 128 tokens, 2 cores) 1,782 tokens/s with one
 * thread against 1,201 with two. Decode steps switch to {@code rlhf.decodeThreads} threads
 * (default 1; 0 leaves the setting alone) and restore the previous count afterwards. The
 * setting is process-wide in libtorch, so a training step running at the same time on another
 * thread also runs single-threaded meanwhile.
 */
public final class DecodeThreads implements AutoCloseable {
    private final int previous;

    private DecodeThreads(int previous) {
        this.previous = previous;
    }

    public static DecodeThreads enter() {
        int wanted = Integer.getInteger("rlhf.decodeThreads", 1);
        int before = JniUtils.getNumThreads();
        if (wanted <= 0 || wanted >= before) {
            return new DecodeThreads(-1);
        }
        JniUtils.setNumThreads(wanted);
        return new DecodeThreads(before);
    }

    @Override
    public void close() {
        if (previous > 0) {
            JniUtils.setNumThreads(previous);
        }
    }
}
