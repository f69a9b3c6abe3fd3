package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.train.run.MemoryRunContext;

/** With a reward it can reach, PPO raises the mean score: the fraction of responses holding token 7. */
class PpoLearnsTest {
    @TempDir
    Path tmp;

    @Test
    void theMeanScoreRisesWhenTheRewardIsSimple() throws Exception {
        Scorer hasSeven = (prompts, responses) -> {
            float[] s = new float[responses.size()];
            for (int i = 0; i < s.length; i++) {
                for (int t : responses.get(i)) {
                    if (t == 7) {
                        s[i] = 1f;
                    }
                }
            }
            return s;
        };
        PpoConfig c = PpoTrainerTest.cfg(30);
        PpoConfig cfg = new PpoConfig(30, 8, 2, 4, 3e-3f, 1.0f, 4, 0.01, "k1", false, 6, 100, 0.2, 0.2, 0.1, 1.0,
                0.95, 0.0, 0.0, 5.0, 0, 100, c.seed());
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm ref = PpoTrainerTest.model(1)) {
            PpoTrainer t = new PpoTrainer(policy, ref, hasSeven, PpoTrainerTest.prompts(), List.of(),
                    java.util.Arrays::toString, Set.of(PpoTrainerTest.EOS), cfg);
            MemoryRunContext ctx = new MemoryRunContext(tmp, -1);
            t.run(ctx, false);
            List<MemoryRunContext.Point> scores = ctx.named("objective/scores");
            double first = scores.subList(0, 5).stream().mapToDouble(MemoryRunContext.Point::value).average().orElseThrow();
            double last = scores.subList(25, 30).stream().mapToDouble(MemoryRunContext.Point::value).average().orElseThrow();
            assertThat(last).as("share of responses with token 7: first 5 steps %.2f, last 5 steps %.2f", first, last)
                    .isGreaterThan(first + 0.3);
        }
    }
}
