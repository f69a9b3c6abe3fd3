package org.rlhfworkbench.lm.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class TensorDataTest {

    @Test
    void f16BytesConvertToFloats() {
        TensorData half = Fixtures.raw("h", DType.F16, new long[] {3}, 0x00, 0x3C, 0x00, 0xC0, 0x00, 0x38);
        assertThat(half.toFloats()).containsExactly(1.0f, -2.0f, 0.5f);
    }

    @Test
    void bf16BytesConvertToFloats() {
        TensorData bf16 = Fixtures.raw("b", DType.BF16, new long[] {2}, 0x80, 0x3F, 0x00, 0xC0);
        assertThat(bf16.toFloats()).containsExactly(1.0f, -2.0f);
    }

    @Test
    void ofFloatsStoresLittleEndianF32() {
        TensorData tensor = TensorData.ofFloats("w", new long[] {2, 2}, new float[] {1, 2, 3, 4});
        assertThat(tensor.dtype()).isEqualTo(DType.F32);
        assertThat(tensor.byteSize()).isEqualTo(16);
        assertThat(tensor.toBytes()).startsWith((byte) 0x00, (byte) 0x00, (byte) 0x80, (byte) 0x3F);
        assertThat(tensor.toFloats()).containsExactly(1, 2, 3, 4);
        assertThat(tensor.data().isDirect()).isTrue();
    }

    @Test
    void ofFloatsRejectsAShapeThatDoesNotFitTheValues() {
        assertThatThrownBy(() -> TensorData.ofFloats("w", new long[] {3}, new float[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'w'");
    }

    @Test
    void constructorRejectsBytesThatDoNotMatchShapeAndDtype() {
        assertThatThrownBy(() -> new TensorData("x", DType.I64, new long[] {2}, ByteBuffer.allocate(12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected 16");
    }

    @Test
    void toFloatsRefusesIntegerTensors() {
        TensorData ids = new TensorData("ids", DType.I64, new long[] {1}, ByteBuffer.allocate(8));
        assertThatThrownBy(ids::toFloats).isInstanceOf(IllegalStateException.class).hasMessageContaining("I64");
    }

    @Test
    void scalarHasOneElementAndEmptyShapeHasNone() {
        assertThat(TensorData.elementCount(new long[0])).isEqualTo(1);
        assertThat(TensorData.elementCount(new long[] {0, 5})).isZero();
    }

    @Test
    void dataViewsAreIndependentAndShapeIsCopied() {
        long[] shape = {2};
        TensorData tensor = TensorData.ofFloats("w", shape, new float[] {1, 2});
        shape[0] = 99;
        tensor.data().position(8);
        tensor.shape()[0] = 42;
        assertThat(tensor.data().remaining()).isEqualTo(8);
        assertThat(tensor.shape()).containsExactly(2);
    }

    @Test
    void toDirectBufferIsAWritableCopy() {
        TensorData tensor = TensorData.ofFloats("w", new long[] {2}, new float[] {1, 2});
        ByteBuffer copy = tensor.toDirectBuffer();
        assertThat(copy.isDirect()).isTrue();
        assertThat(copy.isReadOnly()).isFalse();
        copy.putFloat(0, 9f);
        assertThat(tensor.toFloats()).containsExactly(1, 2);
        assertThat(tensor.data().isReadOnly()).isTrue();
    }

    @Test
    void equalityComparesContent() {
        TensorData a = TensorData.ofFloats("w", new long[] {2}, new float[] {1, 2});
        assertThat(a).isEqualTo(TensorData.ofFloats("w", new long[] {2}, new float[] {1, 2}))
                .isNotEqualTo(TensorData.ofFloats("w", new long[] {2}, new float[] {1, 3}))
                .isNotEqualTo(a.withName("v"));
    }
}
