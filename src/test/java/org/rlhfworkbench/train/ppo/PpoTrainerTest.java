package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.run.MemoryRunContext;
import org.rlhfworkbench.train.run.StepLoop;

class PpoTrainerTest {
    static final ModelShape SHAPE = new ModelShape(40, 32, 64, 2, 4, 4, 8, 64);
    static final int EOS = 39;

    @TempDir
    Path tmp;

    static CausalLm model(long seed) {
        return new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), SHAPE, seed), SHAPE, 1e-5f);
    }

    static List<int[]> prompts() {
        Random rng = new Random(1);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(new int[] {1 + rng.nextInt(30), 1 + rng.nextInt(30), 2});
        }
        return out;
    }

    static PpoConfig cfg(int steps) {
        return new PpoConfig(steps, 4, 2, 2, 1e-3f, 1.0f, 6, 0.05, "k1", true, 1.0, 100, 0.2, 0.2, 0.1, 1.0, 0.95,
                0.0, 0.5, 5.0, 2, 2, 9);
    }

    static MemoryRunContext run(Path dir, int steps, long cancelAt, boolean resume) throws Exception {
        return run(dir, steps, cancelAt, resume, false);
    }

    /** With {@code separate}, the critic is a second copy of the reward model (trained in place). */
    static MemoryRunContext run(Path dir, int steps, long cancelAt, boolean resume, boolean separate) throws Exception {
        try (CausalLm policy = model(1); CausalLm ref = model(1); CausalLm rmBackbone = model(2);
             CausalLm criticBackbone = model(2)) {
            RewardModel rm = RewardModel.withNewHead(rmBackbone, 3);
            Scorer scorer = Scorer.of(rm, 0.0, 1.0);
            PpoConfig c = cfg(steps).withSeparateCritic(separate);
            PpoTrainer t = separate
                    ? new PpoTrainer(policy, ref, scorer, prompts(), prompts().subList(0, 2), Arrays::toString,
                            Set.of(EOS), c, SeparateCritic.fromRewardModel(
                                    RewardModel.withNewHead(criticBackbone, 3).backbone(), 0.0, 1.0, c))
                    : new PpoTrainer(policy, ref, scorer, prompts(), prompts().subList(0, 2), Arrays::toString,
                            Set.of(EOS), c);
            MemoryRunContext ctx = new MemoryRunContext(dir, cancelAt);
            t.run(ctx, resume);
            return ctx;
        }
    }

    @Test
    void aStepEmitsTrlsMetricsAndProbeSamples() throws Exception {
        MemoryRunContext ctx = run(tmp.resolve("a"), 2, -1, false);
        for (String name : List.of("objective/kl", "objective/entropy", "objective/non_score_reward",
                "objective/rlhf_reward", "objective/scores", "policy/approxkl_avg", "policy/clipfrac_avg",
                "loss/policy_avg", "loss/value_avg", "val/clipfrac_avg", "val/ratio", "lr", "episode",
                "response_length", "beta", "timing/generate", "timing/update")) {
            assertThat(ctx.named(name)).as(name).hasSize(2);
        }
        assertThat(ctx.named("episode").get(1).value()).isEqualTo(8.0);
        // first PPO epoch starts from the sampling policy: the mean ratio is 1 up to float noise
        assertThat(ctx.named("val/ratio").get(0).value()).isCloseTo(1.0, within(0.05));
    }

    @Test
    void aRunStoppedAfterTwoStepsAndResumedMatchesAnUninterruptedOne() throws Exception {
        assertResumeMatches(false);
    }

    @Test
    void aSeparateCriticRunStoppedAndResumedMatchesAnUninterruptedOne() throws Exception {
        assertResumeMatches(true);
        assertThat(tmp.resolve("r1/checkpoint/" + SeparateCritic.GROUP + ".params.safetensors")).isRegularFile();
        assertThat(tmp.resolve("r1/checkpoint/" + SeparateCritic.GROUP + ".optimizer.safetensors")).isRegularFile();
    }

    private void assertResumeMatches(boolean separate) throws Exception {
        String tag = separate ? "1" : "0";
        List<MemoryRunContext.Point> straight = run(tmp.resolve("s" + tag), 4, -1, false, separate).metrics;
        List<MemoryRunContext.Point> resumed = new ArrayList<>(run(tmp.resolve("r" + tag), 4, 2, false, separate).metrics);
        MemoryRunContext second = run(tmp.resolve("r" + tag), 4, -1, true, separate);
        assertThat(second.logs).anyMatch(l -> l.contains("resumed at step 2"));
        resumed.addAll(second.metrics);
        List<MemoryRunContext.Point> a = straight.stream().filter(p -> !p.name().startsWith("timing/")).toList();
        List<MemoryRunContext.Point> b = resumed.stream().filter(p -> !p.name().startsWith("timing/")).toList();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).name()).isEqualTo(a.get(i).name());
            assertThat(b.get(i).value()).as("%s at step %d", a.get(i).name(), a.get(i).step())
                    .isCloseTo(a.get(i).value(), within(1e-4 * Math.max(1, Math.abs(a.get(i).value()))));
        }
    }

    @Test
    void thePtxTermPullsThePolicyTowardsTheDemonstrations() throws Exception {
        List<org.rlhfworkbench.train.data.Encoded> demos = List.of(
                new org.rlhfworkbench.train.data.Encoded(new int[] {1, 2}, new int[] {5, 5, 5, EOS}));
        double[] nll = new double[2];
        for (int withPtx = 0; withPtx < 2; withPtx++) {
            try (CausalLm policy = model(1); CausalLm ref = model(1); CausalLm rmBackbone = model(2)) {
                PpoConfig c = cfg(6).withPtx(withPtx == 0 ? 0 : 1.0);
                new PpoTrainer(policy, ref, Scorer.of(RewardModel.withNewHead(rmBackbone, 3), 0, 1), prompts(), List.of(),
                        java.util.Arrays::toString, Set.of(EOS), c).withPtx(demos).run(new MemoryRunContext(
                        tmp.resolve("p" + withPtx), -1), false);
                float[] lp = org.rlhfworkbench.lm.score.LogProbs.of(policy, List.of(new int[] {1, 2}),
                        List.of(new int[] {5, 5, 5, EOS}), 1f)[0];
                for (float x : lp) {
                    nll[withPtx] -= x;
                }
            }
        }
        assertThat(nll[1]).as("demonstration NLL with PPO-ptx vs without").isLessThan(nll[0] - 1.0);
    }
}
