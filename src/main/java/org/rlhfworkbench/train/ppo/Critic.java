package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.run.ParamGroup;

/**
 * PPO's value function V(s_t), one number per response token, read at the position that
 * predicts the token (as TRL does). Two kinds: {@link TrunkCritic}, a head on the policy's trunk
 * trained together with the policy, and {@link SeparateCritic}, a model of its own with its own
 * optimiser. Both minimise 0.5 vf_coef L_V ({@link ValueTargets#loss}).
 */
public sealed interface Critic extends AutoCloseable permits TrunkCritic, SeparateCritic {

    /** Parameters the policy's optimiser trains with the policy (the head on the trunk; none otherwise). */
    Map<String, NDArray> jointParameters();

    /** Parameter groups with an optimiser of their own, checkpointed beside the policy's. */
    List<ParamGroup> ownGroups();

    /** The value head's tensors (v_head.weight (1, E), v_head.bias (1)), saved with the policy. */
    Map<String, NDArray> head();

    /** PPO step 5: V(s_t) of every response token without gradient, (B, R) row-major. */
    float[] values(PackedBatch batch);

    /**
     * PPO step 6, inside the policy's loss: {@code loss} plus 0.5 vf_coef L_V when the values
     * come from the policy's trunk ({@code hidden}, (b, w, E) at the predicting positions);
     * {@code loss} unchanged when the critic trains itself.
     */
    NDArray withValueLoss(NDArray loss, NDArray hidden, ValueTargets t, NDManager m, Scalars c, double[] stats);

    /** PPO step 6, after the policy's update: the critic's own optimiser step on 0.5 vf_coef L_V, if it has one. */
    void ownStep(PackedBatch batch, ValueTargets t, double[] stats);

    /** Frees optimiser state the critic holds (not the models it was given). */
    @Override
    default void close() {
    }
}
