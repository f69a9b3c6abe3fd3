package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.ScalarHead;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.score.PackedBatch;

/**
 * The policy and its value head on the same trunk: one forward gives, for every response token,
 * the tempered log-prob, the value V(s_t) (read at the position that predicts the token, as TRL
 * does) and the entropy of the next-token distribution.
 */
final class PolicyWithValue {
    static final String V_WEIGHT = "v_head.weight";
    static final String V_BIAS = "v_head.bias";

    final CausalLm policy;
    final ScalarHead valueHead;
    private final Map<String, NDArray> head = new LinkedHashMap<>();

    PolicyWithValue(CausalLm policy) {
        this.policy = policy;
        NDManager m = policy.manager();
        NDArray w = m.zeros(new Shape(1, policy.shape().hidden()));
        NDArray b = m.zeros(new Shape(1));
        NDScope.unregister(w, b);
        head.put(V_WEIGHT, w);
        head.put(V_BIAS, b);
        this.valueHead = new ScalarHead(w, b);
    }

    /** Policy weights and the value head, all trained together. */
    Map<String, NDArray> parameters() {
        Map<String, NDArray> all = new LinkedHashMap<>(policy.weights().all());
        all.putAll(head);
        return all;
    }

    Map<String, NDArray> head() {
        return head;
    }

    /** Outputs of one forward over response positions, each (B, R). */
    record Out(NDArray logp, NDArray values, NDArray entropy) {
    }

    Out forward(PackedBatch batch, NDManager m, Scalars c, float temperature) {
        int p = batch.promptWidth();
        NDArray hidden = policy.hidden(batch.ids(m), batch.mask(), null);                            // (B, P + R, E)
        NDArray h = hidden.get(new NDIndex(":, {}:{}, :", p - 1, p - 1 + batch.responseWidth()));     // (B, R, E)
        NDArray logits = policy.logits(h);                                                          // (B, R, V)
        if (temperature != 1f) {
            logits = logits.div(c.of(temperature));
        }
        NDArray all = logits.logSoftmax(-1);                                                        // (B, R, V)
        NDArray logp = all.gather(batch.responseIds(m).expandDims(-1), -1).squeeze(-1);             // (B, R)
        NDArray entropy = all.exp().mul(all).sum(new int[] {-1}).neg();                             // (B, R)
        return new Out(logp, valueHead.perToken(h), entropy);                                       // values (B, R)
    }
}
