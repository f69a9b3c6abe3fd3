package org.rlhfworkbench.lm.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * A tensor's values widened to float32 in a direct (native) buffer, read from its file in chunks
 * with plain reads: loading a model never holds a second full copy of the weights in the Java heap,
 * nor keeps the file's mapped pages resident.
 */
public final class NativeFloats {
    private static final int CHUNK = 1 << 22;

    private NativeFloats() {
    }

    /** A direct little-endian buffer of the tensor's values as float32 (F32, F16 or BF16 stored). */
    public static ByteBuffer of(TensorData t) {
        if (!t.dtype().isFloatingPoint()) {
            throw new IllegalStateException("tensor '" + t.name() + "' has dtype " + t.dtype() + ", not F32/F16/BF16");
        }
        long count = t.elementCount();
        ByteBuffer out = ByteBuffer.allocateDirect(Math.toIntExact(Math.multiplyExact(count, 4L)))
                .order(ByteOrder.LITTLE_ENDIAN);
        FloatBuffer floats = out.asFloatBuffer();
        if (t.source() == null) {
            widen(t.data(), t.dtype(), floats, out);
            return out.rewind();
        }
        try (FileChannel ch = FileChannel.open(t.source().file(), StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
            long at = t.source().offset();
            long left = t.byteSize();
            while (left > 0) {
                chunk.clear().limit((int) Math.min(CHUNK, left));
                while (chunk.hasRemaining()) {
                    int n = ch.read(chunk, at + chunk.position());
                    if (n < 0) {
                        throw new CheckpointException(t.source().file() + ": truncated inside tensor '" + t.name() + "'");
                    }
                }
                chunk.flip();
                at += chunk.remaining();
                left -= chunk.remaining();
                widen(chunk, t.dtype(), floats, out);
            }
        } catch (IOException e) {
            throw new CheckpointException("cannot read tensor '" + t.name() + "' from " + t.source().file() + ": " + e, e);
        }
        return out.rewind();
    }

    /**
     * Frees a buffer from {@link #of} now instead of at some later garbage collection. The caller
     * guarantees that nothing (no NDArray) still reads it.
     */
    public static void free(ByteBuffer direct) {
        if (!direct.isDirect()) {
            return;
        }
        try {
            java.lang.reflect.Field f = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            ((sun.misc.Unsafe) f.get(null)).invokeCleaner(direct);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // left to the garbage collector
        }
    }

    private static void widen(ByteBuffer in, DType dtype, FloatBuffer floats, ByteBuffer out) {
        switch (dtype) {
            case F32 -> {
                int n = in.remaining();
                ByteBuffer dst = out.duplicate().order(ByteOrder.LITTLE_ENDIAN);
                dst.position(floats.position() * 4).limit(floats.position() * 4 + n);
                dst.put(in);
                floats.position(floats.position() + n / 4);
            }
            case F16 -> {
                while (in.remaining() >= 2) {
                    floats.put(HalfFloats.halfToFloat(in.getShort()));
                }
            }
            case BF16 -> {
                while (in.remaining() >= 2) {
                    floats.put(HalfFloats.bf16ToFloat(in.getShort()));
                }
            }
            default -> throw new IllegalStateException("not a float dtype: " + dtype);
        }
    }
}
