package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.ScalarHead;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.run.ParamGroup;

/**
 * The default critic: a zero-initialised value head v_head on the policy's trunk, V_t = w . h_t + b,
 * trained by the policy's optimiser; the value loss reaches the trunk through the shared forward.
 */
final class TrunkCritic implements Critic {
    static final String V_WEIGHT = "v_head.weight";
    static final String V_BIAS = "v_head.bias";

    private final CausalLm policy;
    private final double vfCoef;
    private final ScalarHead head;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();

    TrunkCritic(CausalLm policy, double vfCoef) {
        this.policy = policy;
        this.vfCoef = vfCoef;
        NDManager m = policy.manager();
        NDArray w = m.zeros(new Shape(1, policy.shape().hidden()));
        NDArray b = m.zeros(new Shape(1));
        NDScope.unregister(w, b);
        tensors.put(V_WEIGHT, w);
        tensors.put(V_BIAS, b);
        this.head = new ScalarHead(w, b);
    }

    @Override
    public Map<String, NDArray> jointParameters() {
        return tensors;
    }

    @Override
    public List<ParamGroup> ownGroups() {
        return List.of();
    }

    @Override
    public Map<String, NDArray> head() {
        return tensors;
    }

    @Override
    public float[] values(PackedBatch batch) {
        try (NDManager m = policy.manager().newSubManager(); NDScope scope = new NDScope()) {
            return head.perToken(PolicyWithValue.responseHidden(policy, batch, m)).toFloatArray();  // (B, R)
        }
    }

    @Override
    public NDArray withValueLoss(NDArray loss, NDArray hidden, ValueTargets t, NDManager m, Scalars c, double[] stats) {
        NDArray values = head.perToken(hidden);                                    // (b, w)
        NDArray vf = t.loss(values, m, stats);                   // ()
        return loss.add(vf.mul(c.of((float) (0.5 * vfCoef))));                     // L + 0.5 vf_coef L_V
    }

    @Override
    public void ownStep(PackedBatch batch, ValueTargets t, double[] stats) {
        // trained with the policy, in withValueLoss
    }
}
