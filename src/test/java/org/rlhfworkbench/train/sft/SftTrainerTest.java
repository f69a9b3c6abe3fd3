package org.rlhfworkbench.train.sft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.SftConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import org.rlhfworkbench.train.data.Encoded;
import org.rlhfworkbench.train.run.MemoryRunContext;
import org.rlhfworkbench.train.run.StepLoop;

class SftTrainerTest {
    static final ModelShape SHAPE = new ModelShape(64, 32, 64, 2, 4, 4, 8, 64);

    @TempDir
    Path tmp;

    static List<Encoded> data(int n, int offset) {
        List<Encoded> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int a = (i + offset) % 10;
            out.add(new Encoded(new int[] {1, 10 + a, 2}, new int[] {20 + a, 30 + a, 63}));  // answer depends on prompt
        }
        return out;
    }

    static CausalLm model() {
        return new Gpt2Lm(RandomInit.gpt2(NDManager.newBaseManager(), SHAPE, 11), SHAPE, 1e-5f);
    }

    static final SftConfig CFG = new SftConfig(6, 4, 3e-3f, 2, 0.1, 64, 10, 7);

    @Test
    void responseLossFallsAndValidationIsReportedEachEpoch() throws Exception {
        try (CausalLm lm = model()) {
            SftConfig longer = new SftConfig(20, 4, 3e-3f, 2, 0.1, 64, 50, 7);
            SftTrainer t = new SftTrainer(lm, data(20, 0), data(5, 3), longer);
            MemoryRunContext ctx = new MemoryRunContext(tmp, -1);
            assertThat(t.run(ctx, false)).isEqualTo(StepLoop.Outcome.DONE);
            List<MemoryRunContext.Point> loss = ctx.named("loss");
            assertThat(loss).hasSize(100);
            assertThat(loss.get(99).value()).isLessThan(loss.get(0).value() / 3);
            List<MemoryRunContext.Point> val = ctx.named("eval/loss");
            assertThat(val).hasSize(20);
            assertThat(val.get(19).value()).isLessThan(val.get(0).value());
        }
    }

    @Test
    void aRunStoppedAtStepTenAndResumedMatchesAnUninterruptedRun() throws Exception {
        List<MemoryRunContext.Point> straight;
        try (CausalLm lm = model()) {
            MemoryRunContext ctx = new MemoryRunContext(tmp.resolve("a"), -1);
            new SftTrainer(lm, data(20, 0), data(5, 3), CFG).run(ctx, false);
            straight = ctx.metrics;
        }
        List<MemoryRunContext.Point> resumed = new ArrayList<>();
        try (CausalLm lm = model()) {
            MemoryRunContext first = new MemoryRunContext(tmp.resolve("b"), 10);
            assertThat(new SftTrainer(lm, data(20, 0), data(5, 3), CFG).run(first, false))
                    .isEqualTo(StepLoop.Outcome.CANCELLED);
            resumed.addAll(first.metrics);
        }
        try (CausalLm lm = model()) {  // a fresh process would start from the same init, then load
            MemoryRunContext second = new MemoryRunContext(tmp.resolve("b"), -1);
            assertThat(new SftTrainer(lm, data(20, 0), data(5, 3), CFG).run(second, true))
                    .isEqualTo(StepLoop.Outcome.DONE);
            assertThat(second.logs).anyMatch(l -> l.contains("resumed at step 10"));
            resumed.addAll(second.metrics);
        }
        assertThat(resumed).hasSameSizeAs(straight);
        for (int i = 0; i < straight.size(); i++) {
            assertThat(resumed.get(i).step()).isEqualTo(straight.get(i).step());
            assertThat(resumed.get(i).name()).isEqualTo(straight.get(i).name());
            assertThat(resumed.get(i).value()).as("%s at step %d", straight.get(i).name(), straight.get(i).step())
                    .isCloseTo(straight.get(i).value(), within(1e-5 * Math.max(1, Math.abs(straight.get(i).value()))));
        }
    }
}
