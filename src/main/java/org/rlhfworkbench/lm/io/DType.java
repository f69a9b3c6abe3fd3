package org.rlhfworkbench.lm.io;

import java.util.Optional;

/**
 * Element types of the safetensors format, spelled as in the file header.
 *
 * <p>Declared in increasing alignment order, exactly as the reference implementation's {@code Dtype}
 * enum: the writer sorts tensors by descending dtype, then by name, as Hugging Face does.
 */
public enum DType {
    BOOL(1),
    U8(1),
    I8(1),
    F8_E5M2(1),
    F8_E4M3(1),
    I16(2),
    U16(2),
    F16(2),
    BF16(2),
    I32(4),
    U32(4),
    F32(4),
    F64(8),
    I64(8),
    U64(8);

    private final int byteSize;

    DType(int byteSize) {
        this.byteSize = byteSize;
    }

    /** Bytes per element. */
    public int byteSize() {
        return byteSize;
    }

    /** True for F32, F16 and BF16: the types {@link TensorData#toFloats()} converts. */
    public boolean isFloatingPoint() {
        return this == F32 || this == F16 || this == BF16;
    }

    /** The dtype with this header name ("F32", "BF16", ...), or empty when unknown. */
    public static Optional<DType> fromName(String name) {
        for (DType type : values()) {
            if (type.name().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
