package org.rlhfworkbench.train.reward;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.RewardConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import org.rlhfworkbench.train.run.MemoryRunContext;
import org.rlhfworkbench.train.run.StepLoop;

class RewardTrainerTest {
    static final ModelShape SHAPE = new ModelShape(64, 32, 64, 2, 4, 4, 8, 64);

    @TempDir
    Path tmp;

    /** K = 3 responses; more copies of token 7 is better: the model must learn to count it. */
    static List<RankedGroup> groups(int n, long seed) {
        Random rng = new Random(seed);
        List<RankedGroup> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] prompt = {1 + rng.nextInt(20), 1 + rng.nextInt(20)};
            List<int[]> responses = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                int[] r = new int[5];
                for (int j = 0; j < 4; j++) {
                    r[j] = j < k ? 7 : 30 + rng.nextInt(20);
                }
                r[4] = 63;  // EOS
                responses.add(r);
            }
            out.add(new RankedGroup(i, prompt, responses, Arrays.asList(3, 2, 1), null));
        }
        return out;
    }

    @Test
    void learnsAKWayPreferenceAndReportsHeldOutAccuracy() throws Exception {
        try (CausalLm lm = new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), SHAPE, 3), SHAPE, 1e-5f)) {
            RewardModel rm = RewardModel.withNewHead(lm, 1);
            List<RankedGroup> val = groups(12, 99);
            double before = RewardEval.of(rm, val).accuracy();
            RewardConfig cfg = new RewardConfig(4, 4, 3e-3f, 2, 0.0, 64, 0, 0.0, 100, 5);
            RewardTrainer t = new RewardTrainer(rm, groups(40, 1), val, cfg);
            MemoryRunContext ctx = new MemoryRunContext(tmp, -1);
            assertThat(t.run(ctx, false)).isEqualTo(StepLoop.Outcome.DONE);
            assertThat(ctx.named("eval/accuracy")).hasSize(4);
            RewardEval after = t.lastEval();
            assertThat(after.accuracy()).as("held-out pairwise accuracy, %.2f before", before).isGreaterThan(0.9);
            assertThat(after.meanMargin()).isPositive();
            assertThat(after.pairs()).isEqualTo(36);
        }
    }
}
