package org.rlhfworkbench.train.grpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import org.rlhfworkbench.train.rewards.Episode;
import org.rlhfworkbench.train.rewards.EpisodePrompt;
import org.rlhfworkbench.train.rewards.RewardMix;
import org.rlhfworkbench.train.rewards.RewardSource;
import org.rlhfworkbench.train.run.MemoryRunContext;

class GrpoTrainerTest {
    static final ModelShape SHAPE = new ModelShape(40, 32, 64, 2, 4, 4, 8, 64);
    static final int EOS = 39;
    static final int TARGET = 7;

    @TempDir
    Path tmp;

    /** The share of an answer's tokens that are token 7: a reward the tiny model can learn. */
    static final class Sevens implements RewardSource {
        @Override
        public String name() {
            return "sevens";
        }

        @Override
        public double[] score(List<Episode> episodes) {
            return episodes.stream().mapToDouble(e -> e.answerIds().length == 0 ? 0
                    : Arrays.stream(e.answerIds()).filter(t -> t == TARGET).count() / (double) e.answerIds().length)
                    .toArray();
        }
    }

    /** The same score for every answer. */
    static final class Flat implements RewardSource {
        @Override
        public String name() {
            return "flat";
        }

        @Override
        public double[] score(List<Episode> episodes) {
            return new double[episodes.size()];
        }
    }

    static CausalLm model(long seed) {
        return new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), SHAPE, seed), SHAPE, 1e-5f);
    }

    static List<EpisodePrompt> prompts() {
        Random rng = new Random(1);
        List<EpisodePrompt> out = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            out.add(new EpisodePrompt(i, "p" + i, null, Map.of(), new int[] {1 + rng.nextInt(30), 1 + rng.nextInt(30), 2}));
        }
        return out;
    }

    static GrpoConfig cfg(int steps, String loss, double beta, float lr) {
        return GrpoConfig.defaults().withLoss(loss)
                .with(new GrpoConfig.Rollout(3, 4, 1.0f, 6, 2))
                .with(new GrpoConfig.Optimisation(steps, lr, 2, 2, 2, 9))
                .with(GrpoConfig.Algorithm.preset(loss).withBeta(beta));
    }

    static MemoryRunContext run(Path dir, GrpoConfig c, RewardSource source, long cancelAt, boolean resume)
            throws Exception {
        try (CausalLm policy = model(1); CausalLm ref = model(1)) {
            GrpoTrainer t = new GrpoTrainer(policy, c.algorithm().beta() > 0 ? ref : null,
                    new RewardMix(List.of(new RewardMix.Weighted(source, 1)), true), prompts(), null,
                    Arrays::toString, Set.of(EOS), c);
            MemoryRunContext ctx = new MemoryRunContext(dir, cancelAt);
            t.run(ctx, resume);
            return ctx;
        }
    }

    @Test
    void aStepEmitsTrlsGrpoMetrics() throws Exception {
        MemoryRunContext ctx = run(tmp.resolve("a"), cfg(2, "dapo", 0.04, 1e-3f), new Sevens(), -1, false);
        for (String name : List.of("reward", "reward_std", "rewards/sevens/mean", "rewards/sevens/std",
                "rewards/overlong/mean", "frac_reward_zero_std", "completions/mean_length",
                "completions/clipped_ratio", "kl", "entropy", "clip_ratio/low_mean", "clip_ratio/high_mean",
                "clip_ratio/region_mean", "loss", "lr", "episode", "timing/generate", "timing/update")) {
            assertThat(ctx.named(name)).as(name).hasSize(2);
        }
        assertThat(ctx.named("episode").get(1).value()).isEqualTo(24.0);  // 2 steps x 3 prompts x 4 answers
    }

    @Test
    void betaZeroNeedsNoReferenceModelAndReportsNoKl() throws Exception {
        MemoryRunContext ctx = run(tmp.resolve("b"), cfg(1, "grpo", 0, 1e-3f), new Sevens(), -1, false);
        assertThat(ctx.named("kl")).isEmpty();
        assertThat(ctx.named("entropy")).hasSize(1);
    }

    @Test
    void groupsWithoutSpreadAreSkippedAndCounted() throws Exception {
        // every answer scores 0: all groups have zero std, dynamic sampling (dapo) keeps none of them
        MemoryRunContext ctx = run(tmp.resolve("f"), cfg(1, "dapo", 0.04, 1e-3f).with(
                new GrpoConfig.Algorithm("grpo", "token_mean", 0.2, 0.28, false, 0.04, true, true, 0, 1, false, true)),
                new Flat(), -1, false);
        assertThat(ctx.named("frac_reward_zero_std").get(0).value()).isEqualTo(1.0);
        assertThat(ctx.named("num_updates").get(0).value()).isZero();
    }

    @Test
    void aRunStoppedAfterTwoStepsAndResumedMatchesAnUninterruptedOne() throws Exception {
        GrpoConfig c = cfg(4, "dapo", 0.04, 1e-3f);
        List<MemoryRunContext.Point> straight = run(tmp.resolve("s"), c, new Sevens(), -1, false).metrics;
        List<MemoryRunContext.Point> resumed = new ArrayList<>(run(tmp.resolve("r"), c, new Sevens(), 2, false).metrics);
        MemoryRunContext second = run(tmp.resolve("r"), c, new Sevens(), -1, true);
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
    void grpoRaisesARewardTheModelCanLearn() throws Exception {
        MemoryRunContext ctx = run(tmp.resolve("l"), cfg(30, "grpo", 0, 3e-3f), new Sevens(), -1, false);
        List<MemoryRunContext.Point> r = ctx.named("rewards/sevens/mean");
        double first = r.subList(0, 5).stream().mapToDouble(MemoryRunContext.Point::value).average().orElseThrow();
        double last = r.subList(25, 30).stream().mapToDouble(MemoryRunContext.Point::value).average().orElseThrow();
        assertThat(last).as("share of token 7, first 5 steps %.3f vs last 5", first).isGreaterThan(first + 0.2);
    }
}
