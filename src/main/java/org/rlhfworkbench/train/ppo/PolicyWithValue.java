package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.score.PackedBatch;

/**
 * The policy and its value function ({@link Critic}): one policy forward gives, for every
 * response token, the tempered log-prob, the entropy of the next-token distribution and the
 * hidden state at the position that predicts the token (where a value head on the trunk reads V).
 */
final class PolicyWithValue {
    final CausalLm policy;
    final Critic critic;

    PolicyWithValue(CausalLm policy, Critic critic) {
        this.policy = policy;
        this.critic = critic;
    }

    /** What the policy's optimiser trains: the policy's weights (its LoRA tensors when it has an adapter), plus the value head when it sits on the trunk. */
    Map<String, NDArray> parameters() {
        Map<String, NDArray> all = new LinkedHashMap<>(policy.trainable());
        all.putAll(critic.jointParameters());
        return all;
    }

    /** Outputs of one forward over response positions: logp and entropy (B, R), hidden (B, R, E). */
    record Out(NDArray logp, NDArray entropy, NDArray hidden) {
    }

    /**
     * {@code entropyGrad}: whether the entropy takes part in the loss; when not (entropy_coef 0, the
     * default) it is computed off the autograd graph, for the statistics only, so backward neither
     * records nor keeps its (B, R, V) temporaries.
     */
    Out forward(PackedBatch batch, NDManager m, Scalars c, float temperature, boolean entropyGrad) {
        NDArray h = responseHidden(policy, batch, m);                                               // (B, R, E)
        NDArray logits = policy.logits(h);                                                          // (B, R, V)
        if (temperature != 1f) {
            logits = logits.div(c.of(temperature));
        }
        NDArray all = logits.logSoftmax(-1);                                                        // (B, R, V)
        NDArray logp = all.gather(batch.responseIds(m).expandDims(-1), -1).squeeze(-1);             // (B, R)
        NDArray dist = entropyGrad ? all : all.stopGradient();                                      // (B, R, V)
        NDArray entropy = dist.exp().mul(dist).sum(new int[] {-1}).neg();                           // (B, R): -sum p log p
        return new Out(logp, entropy, h);
    }

    /** Hidden states of {@code lm} at the positions predicting response tokens 0 .. R-1: columns P-1 .. P+R-2. */
    static NDArray responseHidden(CausalLm lm, PackedBatch batch, NDManager m) {
        int p = batch.promptWidth();
        NDArray hidden = lm.hidden(batch.ids(m), batch.mask(), null);                                // (B, P + R, E)
        return hidden.get(new NDIndex(":, {}:{}, :", p - 1, p - 1 + batch.responseWidth()));        // (B, R, E)
    }
}
