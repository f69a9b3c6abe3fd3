package org.rlhfworkbench.train.ppo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.ScalarHead;
import org.rlhfworkbench.lm.nd.Scalars;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.run.ParamGroup;

/**
 * A critic of its own (InstructGPT; TRL's PPOTrainer v2): a copy of the reward model's backbone
 * with a per-token value head, trained on 0.5 vf_coef L_V by its own AdamW. The head starts where
 * the critic's targets are:
 * - K = 1: the targets are the normalised scores, so the head starts from the reward head on PPO's
 *   scale: with the RM's saved mean and std, w = score.weight / std and b = -mean / std, so
 *   V(x, y_&lt;t) = (r(x, y_&lt;t) - mean) / std before the first update.
 * - K &gt; 1 (the default, 4): the targets are scores minus the leave-one-out mean of the prompt's
 *   other answers, which average exactly 0 over each prompt's answers. An RM-valued head would be
 *   off by the prompt's mean score, differently for every prompt, and the value clip would slow
 *   the correction; so the head starts at 0 (w = 0, b = 0) on the RM's backbone.
 * The policy's trunk then serves only the policy.
 */
public final class SeparateCritic implements Critic {
    /** The checkpoint group: critic.params.safetensors and critic.optimizer.safetensors. */
    public static final String GROUP = "critic";

    private final CausalLm model;
    private final ScalarHead head;
    private final Map<String, NDArray> tensors = new LinkedHashMap<>();
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final double vfCoef;
    private final Trainer trainer;

    private SeparateCritic(CausalLm model, NDArray w, NDArray b, PpoConfig cfg) {
        this.model = model;
        this.vfCoef = cfg.vfCoef();
        NDScope.unregister(w, b);
        tensors.put(TrunkCritic.V_WEIGHT, w);
        tensors.put(TrunkCritic.V_BIAS, b);
        this.head = new ScalarHead(w, b);
        // what hidden() uses: the backbone, not the reward head nor an untied lm_head
        model.weights().all().forEach((name, t) -> {
            if (!name.equals(RewardModel.HEAD) && !name.equals("lm_head.weight")) {
                params.put(name, t);
            }
        });
        params.putAll(tensors);
        this.trainer = new Trainer(params, model.manager(), OptimizerConfig.defaults(), PpoTrainer.schedule(cfg));
    }

    /**
     * A critic from {@code rmCopy}, a reward-model folder loaded for the critic alone (it is
     * trained in place; the scorer keeps its own frozen copy), with the RM's score statistics.
     */
    public static SeparateCritic fromRewardModel(CausalLm rmCopy, double mean, double std, PpoConfig cfg) {
        float[] score = rmCopy.weights().get(RewardModel.HEAD).toFloatArray();                   // (E)
        boolean leaveOneOut = cfg.samplesPerPrompt() > 1;   // targets average 0 per prompt: start at V = 0
        float[] w = new float[score.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = leaveOneOut ? 0f : (float) (score[i] / std);
        }
        float b = leaveOneOut ? 0f : (float) (-mean / std);
        NDManager m = rmCopy.manager();
        return new SeparateCritic(rmCopy, m.create(w, new Shape(1, w.length)), m.create(new float[] {b}, new Shape(1)),
                cfg);
    }

    /** Every tensor the critic's optimiser trains (backbone and head). */
    Map<String, NDArray> parameters() {
        return params;
    }

    @Override
    public Map<String, NDArray> jointParameters() {
        return Map.of();
    }

    @Override
    public List<ParamGroup> ownGroups() {
        return List.of(new ParamGroup(GROUP, params, trainer.optimizer()));
    }

    @Override
    public Map<String, NDArray> head() {
        return tensors;
    }

    @Override
    public float[] values(PackedBatch batch) {
        try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            return head.perToken(PolicyWithValue.responseHidden(model, batch, m)).toFloatArray();   // (B, R)
        }
    }

    @Override
    public NDArray withValueLoss(NDArray loss, NDArray hidden, ValueTargets t, NDManager m, Scalars c,
                                 double[] stats) {
        return loss;  // the critic trains itself in ownStep
    }

    @Override
    public void ownStep(PackedBatch batch, ValueTargets t, double[] stats) {
        trainer.step(1, (m, micro) -> {
            NDArray values = head.perToken(PolicyWithValue.responseHidden(model, batch, m));   // (b, w)
            NDArray vf = t.loss(values, m, stats);                                             // ()
            return vf.mul(new Scalars(m).of((float) (0.5 * vfCoef)));                          // 0.5 vf_coef L_V
        });
    }

    @Override
    public void close() {
        trainer.close();
    }
}
