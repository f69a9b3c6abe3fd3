package org.rlhfworkbench.lm.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * One tensor as stored in a checkpoint: name, element type, shape (row-major, C order) and the raw
 * little-endian bytes. Tensors read from a file are views on a memory-mapped region, not copies.
 *
 * <p>{@link #data()} always returns a fresh read-only little-endian view positioned at 0, so callers
 * may move its position freely. It is direct when it came from a file or from {@link #ofFloats}; DJL's
 * {@code NDManager.create(Buffer, Shape, DataType)} on CPU then shares that memory instead of copying,
 * so pass {@link #toDirectBuffer()} for arrays that will be modified in place (parameters).
 */
public record TensorData(String name, DType dtype, long[] shape, ByteBuffer data, FileSlice source) {

    /**
     * Where the bytes lie in a file, so a loader can read them with plain reads instead of touching
     * the memory map (mapped pages would count in the process's resident memory until unmapped).
     */
    public record FileSlice(Path file, long offset) {
    }

    /** A tensor whose bytes come from memory only. */
    public TensorData(String name, DType dtype, long[] shape, ByteBuffer data) {
        this(name, dtype, shape, data, null);
    }

    public TensorData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        long count = elementCount(shape);
        if (count < 0 || count > Long.MAX_VALUE / dtype.byteSize()) {
            throw new IllegalArgumentException("tensor '" + name + "': bad shape " + Arrays.toString(shape));
        }
        if (data.remaining() != count * dtype.byteSize()) {
            throw new IllegalArgumentException("tensor '" + name + "': " + data.remaining() + " bytes for shape "
                    + Arrays.toString(shape) + " of " + dtype + " (expected " + count * dtype.byteSize() + ")");
        }
        data = data.slice().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
    }

    /** An F32 tensor holding a copy of {@code values}. */
    public static TensorData ofFloats(String name, long[] shape, float[] values) {
        if (elementCount(shape) != values.length) {
            throw new IllegalArgumentException("tensor '" + name + "': " + values.length + " values for shape "
                    + Arrays.toString(shape));
        }
        ByteBuffer bytes = ByteBuffer.allocateDirect(Math.multiplyExact(values.length, 4))
                .order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return new TensorData(name, DType.F32, shape, bytes);
    }

    /** Product of the dimensions; 1 for a scalar (empty shape); -1 when a dimension is negative or it overflows. */
    public static long elementCount(long[] shape) {
        long count = 1;
        for (long dim : shape) {
            if (dim < 0) {
                return -1;
            }
            try {
                count = Math.multiplyExact(count, dim);
            } catch (ArithmeticException e) {
                return -1;
            }
        }
        return count;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** A fresh read-only, little-endian view of all the bytes, positioned at 0. */
    @Override
    public ByteBuffer data() {
        return data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    }

    public long elementCount() {
        return elementCount(shape);
    }

    public long byteSize() {
        return data.capacity();
    }

    /** The same bytes under another name. */
    public TensorData withName(String newName) {
        return new TensorData(newName, dtype, shape, data, source);
    }

    /**
     * A writable direct little-endian copy of the bytes. Use it to create NDArrays that will be
     * trained or changed in place: on CPU, DJL's PyTorch engine wraps a direct buffer without
     * copying, and a tensor read from a file is a read-only memory map (writing to it kills the JVM).
     */
    public ByteBuffer toDirectBuffer() {
        ByteBuffer copy = ByteBuffer.allocateDirect(Math.toIntExact(byteSize())).order(ByteOrder.LITTLE_ENDIAN);
        copy.put(data());
        return copy.flip();
    }

    /** Copies the bytes to a heap array. */
    public byte[] toBytes() {
        byte[] bytes = new byte[Math.toIntExact(byteSize())];
        data().get(bytes);
        return bytes;
    }

    /**
     * The values as floats: F32 copied, F16 and BF16 widened exactly.
     *
     * @throws IllegalStateException for any other dtype
     */
    public float[] toFloats() {
        float[] out = new float[Math.toIntExact(elementCount())];
        ByteBuffer bytes = data();
        switch (dtype) {
            case F32 -> bytes.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = HalfFloats.halfToFloat(bytes.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = HalfFloats.bf16ToFloat(bytes.getShort(2 * i));
                }
            }
            default -> throw new IllegalStateException("tensor '" + name + "' has dtype " + dtype
                    + "; toFloats() converts only F32, F16 and BF16");
        }
        return out;
    }

    /** Equal when name, dtype, shape and bytes are equal. */
    @Override
    public boolean equals(Object other) {
        return other instanceof TensorData that && name.equals(that.name) && dtype == that.dtype
                && Arrays.equals(shape, that.shape) && data().equals(that.data());
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, dtype, Arrays.hashCode(shape));
    }

    @Override
    public String toString() {
        return "TensorData[" + name + " " + dtype + " " + Arrays.toString(shape) + "]";
    }
}
