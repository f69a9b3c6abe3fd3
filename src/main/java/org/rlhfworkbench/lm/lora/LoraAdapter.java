package org.rlhfworkbench.lm.lora;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.pytorch.jni.JniUtils;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.LinearAdapter;
import org.rlhfworkbench.lm.model.Weights;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.nd.Scalars;

/**
 * LoRA on the linear layers it targets (Hu et al. 2021, as PEFT computes it):
 *   y' = y + s * dropout(x) A^T B^T,  A (r, in), B (out, r), s = alpha / r (or alpha / sqrt(r))
 * A and B are the only trainable tensors, named "{module}.lora_A.weight" / "{module}.lora_B.weight";
 * the base weights stay frozen. Dropout acts only while autograd records (a training forward).
 */
public final class LoraAdapter implements LinearAdapter, AutoCloseable {
    /** One adapted module: A (r, in), B (out, r) and its scaling. */
    public record Module(NDArray a, NDArray b, float scale) {
        public int rank() {
            return (int) a.getShape().get(0);
        }
    }

    private final NDManager manager;
    private final Scalars c;
    private final Map<String, Module> modules;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final float dropout;

    /** An adapter over tensors already in {@code manager} (which it then owns). */
    public LoraAdapter(NDManager manager, Map<String, Module> modules, float dropout) {
        this.manager = manager;
        this.c = new Scalars(manager);
        this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(modules));
        this.dropout = dropout;
        modules.forEach((name, m) -> {
            params.put(name + ".lora_A.weight", m.a());
            params.put(name + ".lora_B.weight", m.b());
        });
    }

    /**
     * A fresh adapter on {@code model}'s targeted layers, attached to it: A ~ U(-1/sqrt(in), 1/sqrt(in))
     * (PEFT's kaiming_uniform_(a = sqrt(5)): gain sqrt(2 / 6), bound sqrt(3) * gain / sqrt(in)), B = 0,
     * so the adapted model starts equal to the base.
     */
    public static LoraAdapter attach(CausalLm model, LoraConfig cfg) {
        if (!cfg.enabled()) {
            throw new IllegalArgumentException("LoRA is off (rank 0)");
        }
        List<String> targets = LoraTargets.modules(model.weights(), cfg.targets());
        NDManager m = model.manager().newSubManager();
        Random rng = new Random(cfg.seed());
        Map<String, Module> modules = new LinkedHashMap<>();
        for (String module : targets) {
            Shape w = model.weights().get(module + ".weight").getShape();   // (out, in)
            int out = (int) w.get(0);
            int in = (int) w.get(1);
            float bound = (float) (1 / Math.sqrt(in));
            float[] a = new float[cfg.rank() * in];
            for (int i = 0; i < a.length; i++) {
                a[i] = (float) ((rng.nextDouble() * 2 - 1) * bound);
            }
            NDArray aArr = m.create(a, new Shape(cfg.rank(), in));             // (r, in)
            NDArray bArr = m.zeros(new Shape(out, cfg.rank()), DataType.FLOAT32); // (out, r)
            NDScope.unregister(aArr, bArr);
            aArr.setName(module + ".lora_A.weight");
            bArr.setName(module + ".lora_B.weight");
            modules.put(module, new Module(aArr, bArr, cfg.scaling()));
        }
        LoraAdapter adapter = new LoraAdapter(m, modules, cfg.dropout());
        model.setAdapter(adapter);
        return adapter;
    }

    @Override
    public NDArray apply(String module, NDArray x, NDArray y) {
        Module p = modules.get(module);
        if (p == null) {
            return y;
        }
        NDArray in = dropout > 0 && JniUtils.isGradMode() ? dropout(x) : x;   // (..., in)
        NDArray low = Linear.linear(in, p.a()).singletonOrThrow();             // (..., r)
        NDArray up = Linear.linear(low, p.b()).singletonOrThrow();             // (..., out)
        return y.add(up.mul(c.of(p.scale())));                                 // y + s x A^T B^T
    }

    /** Inverted dropout: x * mask / (1 - p), mask ~ Bernoulli(1 - p). */
    private NDArray dropout(NDArray x) {
        NDArray keep = x.getManager().randomUniform(0f, 1f, x.getShape()).gte(c.of(dropout))
                .toType(DataType.FLOAT32, false);
        return x.mul(keep).mul(c.of(1f / (1f - dropout)));
    }

    @Override
    public Map<String, NDArray> parameters() {
        return Collections.unmodifiableMap(params);
    }

    public Map<String, Module> modules() {
        return modules;
    }

    public float dropout() {
        return dropout;
    }

    /** The weight change of one module, s B A: (out, in), in {@code m}; call without autograd. */
    public NDArray delta(String module, NDManager m) {
        Module p = modules.get(module);
        NDArray d = p.b().matMul(p.a());   // (out, r) x (r, in) -> (out, in), lands in B's manager
        d.attach(m);
        return d.muli(p.scale());
    }

    /** Adds s B A into the base weights (W' = W + s B A), without autograd. */
    public void mergeInto(Weights weights) {
        NoGrad.enter();
        for (String module : modules.keySet()) {
            try (NDManager tmp = manager.newSubManager()) {
                weights.get(module + ".weight").addi(delta(module, tmp));
            }
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
