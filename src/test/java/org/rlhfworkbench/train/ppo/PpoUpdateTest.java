package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.run.MemoryRunContext;

/** PPO step 6: how a rollout is cut into minibatches, the learning-rate schedule over them, and the first ratio. */
class PpoUpdateTest {
    @TempDir
    Path tmp;

    /** A config with the shape of the update and the sampling temperature set; K answers per prompt. */
    static PpoConfig cfg(int steps, int rollout, int miniBatches, int epochs, float temperature, int k) {
        return new PpoConfig(steps, rollout, miniBatches, epochs, 1e-3f, temperature, 6, 0.05, "k1", false, 1.0, 100,
                0.2, 0.2, 0.1, 1.0, 0.95, 0.0, 0.5, 5.0, 0, 100, 9, 0.0, k, false);
    }

    @Test
    void aRolloutSplitsIntoEvenMinibatches() {
        List<Integer> order = IntStream.range(0, 16).boxed().toList();
        assertThat(Minibatch.split(order, 3).stream().map(List::size)).containsExactly(6, 5, 5);
        assertThat(Minibatch.split(order, 2).stream().map(List::size)).containsExactly(8, 8);
        assertThat(Minibatch.split(order.subList(0, 2), 4).stream().map(List::size)).containsExactly(1, 1);
        List<Integer> joined = new ArrayList<>();
        Minibatch.split(order, 5).forEach(joined::addAll);
        assertThat(joined).isEqualTo(order);
    }

    @Test
    void updatesPerStepCountsTheEpisodesARolloutHas() {
        assertThat(cfg(1, 16, 3, 4, 1f, 1).updatesPerStep()).isEqualTo(12);
        // 10 episodes at K = 4 are 2 prompts x 4 = 8 answers: 8 minibatches at most, not 10
        assertThat(cfg(1, 10, 16, 1, 1f, 4).updatesPerStep()).isEqualTo(8);
    }

    /**
     * miniBatches 3 over 16 answers: the schedule decays linearly to 0 over steps x epochs x 3
     * updates, so the last update of the run still has peak / (that count), not 0.
     */
    @Test
    void theLearningRateScheduleEndsWithTheLastUpdate() throws Exception {
        PpoConfig c = cfg(2, 16, 3, 2, 1f, 4);   // 4 prompts x 4 answers
        MemoryRunContext ctx = new MemoryRunContext(tmp.resolve("lr"), -1);
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(1);
             CausalLm rmb = PpoTrainerTest.model(2)) {
            new PpoTrainer(policy, ref, Scorer.of(RewardModel.withNewHead(rmb, 3), 0, 1), PpoTrainerTest.prompts(),
                    List.of(), Arrays::toString, Set.of(PpoTrainerTest.EOS), c).run(ctx, false);
        }
        int total = 2 * 2 * 3;
        List<MemoryRunContext.Point> lr = ctx.named("lr");
        // the lr a step reports is its last update's: updates 0 .. 5 in step 1, 6 .. 11 in step 2
        assertThat(lr.get(0).value()).isCloseTo(1e-3 * (1 - 5.0 / total), within(1e-9));
        assertThat(lr.get(1).value()).isCloseTo(1e-3 * (1 - 11.0 / total), within(1e-9));
    }

    /**
     * At T = 0.7 the first minibatch of the first epoch is scored by the policy that sampled it,
     * with the same temperature: ratio 1 and nothing clipped. A training forward without the
     * temperature gives ratios far from 1.
     */
    @Test
    void atTemperatureSevenTenthsTheFirstMinibatchHasRatioOne() {
        PpoConfig c = cfg(1, 8, 1, 1, 0.7f, 4);
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(3);
             CausalLm rmb = PpoTrainerTest.model(2)) {
            PolicyWithValue pv = new PolicyWithValue(policy, new TrunkCritic(policy, c.vfCoef()));
            RolloutMaker maker = new RolloutMaker(pv, ref, Scorer.of(RewardModel.withNewHead(rmb, 3), 0, 1), c,
                    Set.of(PpoTrainerTest.EOS), new Timings());
            Rollout r = maker.make(PpoTrainerTest.prompts().subList(0, 2), 4, 5, 0.05);
            try (Trainer trainer = new Trainer(pv.parameters(), policy.manager(), OptimizerConfig.defaults(),
                    PpoTrainer.schedule(c))) {
                PpoUpdate.Stats s = new PpoUpdate(pv, trainer, c, List.of()).run(r, 3);
                assertThat(s.ratio()).isCloseTo(1.0, within(1e-4));
                assertThat(s.clipFrac()).isZero();
                assertThat(s.approxKl()).isLessThan(1e-8);
            }
        }
    }
}
