package org.rlhfworkbench.lm.model;

import ai.djl.ndarray.NDManager;
import java.util.List;
import org.rlhfworkbench.lm.io.LlamaConfig;
import org.rlhfworkbench.lm.io.RopeParams;

/** Small random models for numerics tests. */
public final class TinyModels {
    private TinyModels() {
    }

    public static final ModelShape GPT2 = new ModelShape(61, 16, 64, 2, 2, 2, 8, 64);
    public static final ModelShape LLAMA = new ModelShape(61, 16, 40, 2, 4, 2, 4, 64);

    public static CausalLm gpt2(long seed) {
        NDManager m = NDManager.newBaseManager();
        return new Gpt2Lm(RandomInit.gpt2(m, GPT2, seed), GPT2, 1e-5f);
    }

    public static CausalLm llama(long seed) {
        NDManager m = NDManager.newBaseManager();
        LlamaConfig config = new LlamaConfig("llama", LLAMA.vocab(), LLAMA.hidden(), LLAMA.intermediate(),
                LLAMA.layers(), LLAMA.heads(), LLAMA.kvHeads(), 1e-6, RopeParams.plain(10000.0), LLAMA.maxPositions(),
                false, null, List.of(), "silu", LLAMA.headDim(), null, null, null);
        return new LlamaLm(RandomInit.llama(m, LLAMA, false, seed), config);
    }
}
