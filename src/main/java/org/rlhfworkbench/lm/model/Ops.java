package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import org.rlhfworkbench.lm.nd.DecodeLinear;
import org.rlhfworkbench.lm.nd.Scalars;

/** The transformer's building blocks, each one or a few native ops. Shapes in comments. */
final class Ops {
    private Ops() {
    }

    /**
     * y = x W^T + b with W stored (out, in) as nn.Linear does. x (..., in) -> (..., out). A decode
     * step's few rows without autograd go to the native kernel (DecodeLinear), the rest to libtorch.
     */
    static NDArray linear(NDArray x, NDArray w, NDArray b) {
        NDArray fast = DecodeLinear.linear(x, w, b);
        if (fast != null) {
            return fast;
        }
        return b == null ? Linear.linear(x, w).singletonOrThrow() : Linear.linear(x, w, b).singletonOrThrow();
    }

    /** LayerNorm over the last axis: (x - mean) / sqrt(var + eps) * g + b. */
    static NDArray layerNorm(NDArray x, NDArray g, NDArray b, float eps) {
        return LayerNorm.layerNorm(x, new Shape(x.getShape().get(x.getShape().dimension() - 1)), g, b, eps)
                .singletonOrThrow();
    }

    /** RMSNorm (Llama): x * rsqrt(mean(x^2, -1) + eps) * w. */
    static NDArray rmsNorm(NDArray x, NDArray w, NDArray eps) {
        NDArray ms = x.square().mean(new int[] {-1}, true);   // (..., 1)
        return x.div(ms.add(eps).sqrt()).mul(w);             // (..., H)
    }

    /**
     * GPT-2's gelu_new: 0.5 x (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))), computed as
     * x * sigmoid(2 sqrt(2/pi) (x + 0.044715 x^3)) since 0.5 (1 + tanh z) = sigmoid(2 z): 6 ops, not 9.
     */
    static NDArray geluNew(NDArray x, Scalars c) {
        float k = (float) (2 * Math.sqrt(2.0 / Math.PI));
        NDArray z = x.mul(c.of(k)).add(x.pow(c.of(3f)).mul(c.of(k * 0.044715f)));
        return x.mul(z.getNDArrayInternal().sigmoid());
    }

    /** SiLU (Llama's hidden_act): x * sigmoid(x). */
    static NDArray silu(NDArray x) {
        return x.mul(x.getNDArrayInternal().sigmoid());
    }

    /**
     * Scaled dot-product attention with an additive bias (0 where allowed, large negative where not).
     * q (B, nh, T, hd), k / v (B, nh, L, hd), bias (B, 1, T, L) -> (B, nh, T, hd).
     */
    static NDArray attention(NDArray q, NDArray k, NDArray v, NDArray bias, NDArray scale) {
        NDArray att = q.matMul(k.transpose(0, 1, 3, 2)).mul(scale).add(bias);  // (B, nh, T, L)
        return att.softmax(-1).matMul(v);                                       // (B, nh, T, hd)
    }

    /**
     * Grouped-query attention without copying keys and values per query head (HF's repeat_kv):
     * query head h reads kv head h / rep, so the rep query heads of one kv head are stacked along
     * the query axis and share one matmul. q (B, nh, T, hd), k / v (B, nkv, L, hd), bias (B, 1, T, L)
     * -> (B, nh, T, hd), nh = nkv * rep.
     */
    static NDArray groupedAttention(NDArray q, NDArray k, NDArray v, NDArray bias, NDArray scale, int rep) {
        Shape qs = q.getShape();
        long b = qs.get(0);
        long t = qs.get(2);
        long hd = qs.get(3);
        long nkv = k.getShape().get(1);
        long len = k.getShape().get(2);
        NDArray qg = q.reshape(b, nkv, rep * t, hd);                                  // (B, nkv, rep T, hd)
        NDArray att = qg.matMul(k.transpose(0, 1, 3, 2)).reshape(b, nkv, rep, t, len) // (B, nkv, rep, T, L)
                .mul(scale).add(bias.expandDims(1));                                  // bias (B, 1, 1, T, L)
        NDArray y = att.softmax(-1).reshape(b, nkv, rep * t, len).matMul(v);          // (B, nkv, rep T, hd)
        return y.reshape(b, nkv * rep, t, hd);                                        // (B, nh, T, hd)
    }
}
