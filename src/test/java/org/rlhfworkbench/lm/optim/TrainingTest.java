package org.rlhfworkbench.lm.optim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;

class TrainingTest {
    static final ModelShape SHAPE = new ModelShape(64, 32, 128, 2, 4, 4, 8, 64);

    static NDArray loss(CausalLm model, NDManager m, long[] tokens, int batch, int t) {
        return WindowLoss.of(model, m, tokens, batch, t);
    }

    @Test
    void lossFallsWhenMemorisingAFixedSequence() {
        try (CausalLm model = new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), SHAPE, 1), SHAPE, 1e-5f);
             Trainer trainer = new Trainer(model.weights().all(), model.manager(), OptimizerConfig.defaults(),
                     new LrSchedule(LrSchedule.Kind.CONSTANT, 3e-3f, 0, 0, 1f))) {
            long[] seq = new long[2 * 17];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = (i * 7) % 13;
            }
            float first = trainer.step(2, (m, micro) -> loss(model, m, seq, 2, 16)).loss();
            float last = first;
            for (int i = 0; i < 60; i++) {
                last = trainer.step(1, (m, micro) -> loss(model, m, seq, 2, 16)).loss();
            }
            assertThat(first).isGreaterThan(3.5f);   // about ln(64) at init
            assertThat(last).isLessThan(0.5f);
        }
    }

    @Test
    void residentMemoryStaysFlatOverThreeHundredSteps() throws IOException {
        assumeThat(Path.of("/proc/self/status")).exists();
        ModelShape shape = new ModelShape(256, 64, 256, 2, 4, 4, 16, 128);
        Random rng = new Random(0);
        long rssAt50 = 0;
        long rssAt300 = 0;
        try (CausalLm model = new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), shape, 2), shape, 1e-5f);
             Trainer trainer = new Trainer(model.weights().all(), model.manager(), OptimizerConfig.defaults(),
                     LrSchedule.cosine(1e-3f, 10, 300))) {
            for (int step = 1; step <= 300; step++) {
                long[] tokens = new long[4 * 65];
                for (int i = 0; i < tokens.length; i++) {
                    tokens[i] = rng.nextInt(256);
                }
                trainer.step(1, (m, micro) -> loss(model, m, tokens, 4, 64));
                if (step == 50) {
                    rssAt50 = rssKb();
                } else if (step == 300) {
                    rssAt300 = rssKb();
                }
            }
        }
        assertThat((double) rssAt300).as("RSS at step 300 vs step 50 (kB)").isLessThan(rssAt50 * 1.10);
    }

    static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
