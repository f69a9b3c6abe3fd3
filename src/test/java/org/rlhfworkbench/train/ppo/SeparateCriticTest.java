package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.nd.NoGrad;
import org.rlhfworkbench.lm.score.PackedBatch;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.run.MemoryRunContext;

/** PPO's separate critic: starts as the reward model, learns the returns, and never touches the policy. */
class SeparateCriticTest {
    @TempDir
    Path tmp;

    /** A judge with a signal the critic has to learn: the share of token 5 in the response. */
    static final Scorer FIVES = (prompts, responses) -> {
        float[] out = new float[responses.size()];
        for (int i = 0; i < out.length; i++) {
            int[] r = responses.get(i);
            out[i] = (float) Arrays.stream(r).filter(t -> t == 5).count() / r.length;
        }
        return out;
    };

    @Test
    void beforeAnyUpdateTheCriticsValueAfterAResponseIsTheRewardModelsNormalisedScore() {
        NoGrad.enter();
        List<int[]> prompts = List.of(new int[] {3, 4, 2}, new int[] {7, 2}, new int[] {9, 11, 12, 2});
        List<int[]> responses = List.of(new int[] {5, 6, 7}, new int[] {8}, new int[] {10, 10, 13, 14, 15});
        for (double[] stats : new double[][] {{0.0, 1.0}, {0.7, 2.5}}) {
            try (CausalLm rmBackbone = PpoTrainerTest.model(2); CausalLm copy = PpoTrainerTest.model(2)) {
                RewardModel rm = RewardModel.withNewHead(rmBackbone, 3);
                SeparateCritic critic = SeparateCritic.fromRewardModel(RewardModel.withNewHead(copy, 3).backbone(),
                        stats[0], stats[1], PpoTrainerTest.cfg(1).withSeparateCritic(true));
                float[] r = Scorer.of(rm, stats[0], stats[1]).score(prompts, responses);
                // V is read at the position that predicts a token: one more token (EOS) after the
                // response puts its value at the state "prompt + whole response", where the RM reads
                List<int[]> longer = responses.stream().map(a -> append(a, PpoTrainerTest.EOS)).toList();
                float[] v = critic.values(new PackedBatch(prompts, longer));                         // (3, 6)
                int width = 6;
                for (int b = 0; b < prompts.size(); b++) {
                    assertThat((double) v[b * width + responses.get(b).length]).as("row %d, stats %s", b,
                            Arrays.toString(stats)).isCloseTo(r[b], within(1e-4));
                }
                assertThat(Math.abs(r[0] - r[1]) + Math.abs(r[1] - r[2])).as("rewards differ").isGreaterThan(1e-3f);
                critic.close();
            }
        }
    }

    /**
     * With K = 4 the targets are leave-one-out baselined scores, which average 0 over each prompt's
     * answers: before any update the critic's values at each answer's last token average what its
     * targets (the returns there, with beta 0 the baselined score) average, prompt by prompt.
     */
    @Test
    void withTheLeaveOneOutBaselineTheCriticStartsWhereItsTargetsAre() {
        int k = 4;
        PpoConfig c = PpoUpdateTest.cfg(1, 12, 1, 1, 1f, k).withSeparateCritic(true);
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(1);
             CausalLm rmBackbone = PpoTrainerTest.model(2); CausalLm copy = PpoTrainerTest.model(2)) {
            RewardModel rm = RewardModel.withNewHead(rmBackbone, 3);
            SeparateCritic critic = SeparateCritic.fromRewardModel(RewardModel.withNewHead(copy, 3).backbone(), 0.7,
                    2.5, c);
            PolicyWithValue pv = new PolicyWithValue(policy, critic);
            Rollout r = new RolloutMaker(pv, ref, Scorer.of(rm, 0.7, 2.5), c, Set.of(PpoTrainerTest.EOS),
                    new Timings()).make(PpoTrainerTest.prompts().subList(0, 3), k, 5, 0.0);
            for (int g = 0; g < r.size(); g += k) {
                double values = 0;
                double targets = 0;
                for (int b = g; b < g + k; b++) {
                    int last = b * r.width() + r.lengths()[b] - 1;
                    values += r.oldValues()[last] / k;
                    targets += r.returns()[last] / k;
                }
                assertThat(values).as("prompt %d: mean value vs mean target", g / k).isCloseTo(targets, within(1e-4));
            }
            critic.close();
        }
    }

    /** The returns are about -0.5 (no EOS, no 5s) while the RM-initialised critic starts near 0. */
    @Test
    void theCriticsValueLossFallsOverPpoSteps() throws Exception {
        PpoConfig c = PpoTrainerTest.cfg(8).withSeparateCritic(true);
        MemoryRunContext ctx = new MemoryRunContext(tmp.resolve("run"), -1);
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(1);
             CausalLm copy = PpoTrainerTest.model(2)) {
            new PpoTrainer(policy, ref, FIVES, PpoTrainerTest.prompts(), List.of(), Arrays::toString,
                    Set.of(PpoTrainerTest.EOS), c, SeparateCritic.fromRewardModel(
                            RewardModel.withNewHead(copy, 3).backbone(), 0.0, 1.0, c)).run(ctx, false);
        }
        List<MemoryRunContext.Point> loss = ctx.named("loss/value_avg");
        double first = (loss.get(0).value() + loss.get(1).value() + loss.get(2).value()) / 3;
        double last = (loss.get(5).value() + loss.get(6).value() + loss.get(7).value()) / 3;
        assertThat(last).as("value loss, last three steps vs first three").isLessThan(0.25 * first);
    }

    @Test
    void theValueLossDoesNotReachThePolicyWhenTheCriticIsSeparate() throws Exception {
        float[] lowSeparate = policyAfterOneStep(0.1, true);
        float[] highSeparate = policyAfterOneStep(10.0, true);
        assertThat(maxDiff(lowSeparate, highSeparate)).as("separate critic: vf_coef 0.1 vs 10").isLessThan(1e-6);
        // control: on the shared trunk the value loss's weight changes the policy's update
        assertThat(maxDiff(policyAfterOneStep(0.1, false), policyAfterOneStep(10.0, false)))
                .as("trunk head: vf_coef 0.1 vs 10").isGreaterThan(1e-4);
    }

    @Test
    void criticAndPolicyShareNoTensor() {
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(1);
             CausalLm copy = PpoTrainerTest.model(2)) {
            PpoConfig c = PpoTrainerTest.cfg(1).withSeparateCritic(true);
            SeparateCritic critic = SeparateCritic.fromRewardModel(RewardModel.withNewHead(copy, 3).backbone(), 0, 1, c);
            PpoTrainer t = new PpoTrainer(policy, ref, FIVES, PpoTrainerTest.prompts(), List.of(), Arrays::toString,
                    Set.of(PpoTrainerTest.EOS), c, critic);
            Set<NDArray> policyTensors = Collections.newSetFromMap(new IdentityHashMap<>());
            policyTensors.addAll(t.parameters().values());
            assertThat(t.parameters()).hasSameSizeAs(policy.weights().all());
            assertThat(critic.parameters().values()).noneMatch(policyTensors::contains);
            assertThat(critic.parameters()).containsKeys(TrunkCritic.V_WEIGHT, TrunkCritic.V_BIAS)
                    .doesNotContainKey(RewardModel.HEAD);
            critic.close();
        }
    }

    /** The policy's weights, flattened, after one PPO step with value-loss weight {@code vfCoef}. */
    private float[] policyAfterOneStep(double vfCoef, boolean separate) throws Exception {
        PpoConfig base = PpoTrainerTest.cfg(1);
        PpoConfig c = new PpoConfig(1, 4, 2, 2, base.learningRate(), 1.0f, 6, 0.05, "k1", false, 1.0, 100, 0.2, 0.2,
                vfCoef, 1.0, 0.95, 0.0, 0.5, 5.0, 0, 1, 9, 0.0, 1, separate);
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(1);
             CausalLm copy = PpoTrainerTest.model(2)) {
            Critic critic = separate
                    ? SeparateCritic.fromRewardModel(RewardModel.withNewHead(copy, 3).backbone(), 0, 1, c)
                    : new TrunkCritic(policy, vfCoef);
            new PpoTrainer(policy, ref, FIVES, PpoTrainerTest.prompts(), List.of(), Arrays::toString,
                    Set.of(PpoTrainerTest.EOS), c, critic).run(new MemoryRunContext(tmp.resolve(vfCoef + "-" + separate),
                    -1), false);
            return flatten(policy.weights().all());
        }
    }

    private static float[] flatten(Map<String, NDArray> weights) {
        return weights.values().stream().map(NDArray::toFloatArray).reduce(new float[0], (a, b) -> {
            float[] out = Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        });
    }

    private static double maxDiff(float[] a, float[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            d = Math.max(d, Math.abs(a[i] - b[i]));
        }
        return d;
    }

    private static int[] append(int[] a, int token) {
        int[] out = Arrays.copyOf(a, a.length + 1);
        out[a.length] = token;
        return out;
    }
}
