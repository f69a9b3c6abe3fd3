package org.rlhfworkbench.train.dpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import org.rlhfworkbench.train.run.MemoryRunContext;

class DpoTrainerTest {
    static final ModelShape SHAPE = new ModelShape(40, 32, 64, 2, 4, 4, 8, 64);
    static final int EOS = 39;

    @TempDir
    Path tmp;

    static CausalLm model(long seed) {
        return new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), SHAPE, seed), SHAPE, 1e-5f);
    }

    /** Chosen answers repeat a token of the prompt; rejected ones are other random tokens. */
    static List<DpoPair> pairs(int n, long seed) {
        Random rng = new Random(seed);
        List<DpoPair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = 1 + rng.nextInt(30);
            out.add(new DpoPair(i, new int[] {a, 1 + rng.nextInt(30), 2}, new int[] {a, a, EOS},
                    new int[] {1 + rng.nextInt(30), 1 + rng.nextInt(30), 1 + rng.nextInt(30), EOS}));
        }
        return out;
    }

    static DpoConfig cfg(String loss) {
        return new DpoConfig(loss, 0.1, "all", 0.0, 5, 4, 5e-3f, 0, 64, 2, 3);
    }

    static MemoryRunContext run(Path dir, String loss, long cancelAt, boolean resume) throws Exception {
        try (CausalLm policy = model(1); CausalLm ref = model(1)) {
            MemoryRunContext ctx = new MemoryRunContext(dir, cancelAt);
            new DpoTrainer(policy, pairs(8, 5), pairs(4, 6), cfg(loss)).run(ctx, resume,
                    resume ? () -> {
                        throw new AssertionError("the reference ran again on resume");
                    } : () -> ref);
            return ctx;
        }
    }

    @Test
    void chosenLogProbRisesRelativeToRejectedAfterAFewSteps() throws Exception {
        for (String loss : List.of("dpo", "ipo")) {
            List<DpoPair> train = pairs(8, 5);
            try (CausalLm policy = model(1); CausalLm ref = model(1)) {
                double[][] before = PairLogps.frozen(policy, train, 16);
                new DpoTrainer(policy, train, List.of(), cfg(loss).withEpochs(3))
                        .run(new MemoryRunContext(tmp.resolve(loss), -1), false, () -> ref);
                double[][] after = PairLogps.frozen(policy, train, 16);
                double h = 0;
                for (int i = 0; i < train.size(); i++) {
                    h += (after[i][0] - before[i][0]) - (after[i][1] - before[i][1]);
                }
                assertThat(h / train.size()).as("%s: mean (dlogp_chosen - dlogp_rejected)", loss).isGreaterThan(0.5);
            }
        }
    }

    @Test
    void aStepLogsTrlsNamesAndTheFirstStepStartsAtTheReference() throws Exception {
        MemoryRunContext ctx = run(tmp.resolve("m"), "dpo", -1, false);
        for (String name : List.of("loss", "rewards/chosen", "rewards/rejected", "rewards/margins", "rewards/accuracies",
                "logps/chosen", "logps/rejected", "epoch")) {
            assertThat(ctx.named(name)).as(name).hasSize(10);
        }
        assertThat(ctx.named("eval/rewards/accuracies")).hasSize(5);
        // policy == reference at step 1: h = 0, loss = log 2
        assertThat(ctx.named("loss").get(0).value()).isCloseTo(Math.log(2), within(1e-4));
        assertThat(ctx.named("rewards/margins").get(0).value()).isCloseTo(0, within(1e-4));
        assertThat(ctx.named("rewards/margins").get(9).value()).isGreaterThan(0.05);
    }

    @Test
    void aRunStoppedMidwayAndResumedMatchesAnUninterruptedOneWithoutRerunningTheReference() throws Exception {
        List<MemoryRunContext.Point> straight = run(tmp.resolve("s"), "dpo", -1, false).metrics;
        List<MemoryRunContext.Point> resumed = new ArrayList<>(run(tmp.resolve("r"), "dpo", 4, false).metrics);
        MemoryRunContext second = run(tmp.resolve("r"), "dpo", -1, true);
        assertThat(second.logs).anyMatch(l -> l.contains("resumed at step 4"));
        assertThat(second.logs).anyMatch(l -> l.contains("read from reference_logps.json"));
        resumed.addAll(second.metrics);
        assertThat(resumed).hasSameSizeAs(straight);
        for (int i = 0; i < straight.size(); i++) {
            MemoryRunContext.Point a = straight.get(i);
            assertThat(resumed.get(i).name()).isEqualTo(a.name());
            assertThat(resumed.get(i).value()).as("%s at step %d", a.name(), a.step())
                    .isCloseTo(a.value(), within(1e-4 * Math.max(1, Math.abs(a.value()))));
        }
    }
}
