package org.rlhfworkbench.train.dpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.core.config.OnlineDpoConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.train.ppo.Scorer;
import org.rlhfworkbench.train.run.MemoryRunContext;

class OnlineDpoTrainerTest {
    static final int EOS = DpoTrainerTest.EOS;

    @TempDir
    Path tmp;

    /** A stand-in reward model: +1 per token 5, -0.1 per token. */
    static final Scorer FIVES = (prompts, responses) -> {
        float[] out = new float[responses.size()];
        for (int i = 0; i < out.length; i++) {
            for (int tok : responses.get(i)) {
                out[i] += (tok == 5 ? 1f : 0f) - 0.1f;
            }
        }
        return out;
    };

    static OnlineDpoConfig cfg(String reference) {
        DpoConfig d = new DpoConfig("dpo", 0.1, "best-worst", 0.0, 2, 2, 5e-3f, 0, 64, 3, 11);
        return new OnlineDpoConfig(2, 4, 4, 1.0f, 5, "maxmin", reference, d, 0);
    }

    /** Records what the trainer hands to the project. */
    static final class Sink implements IterationSink {
        final List<OnlineIteration> generated = new ArrayList<>();
        final List<Integer> finished = new ArrayList<>();

        @Override
        public void generated(OnlineIteration data) {
            generated.add(data);
        }

        @Override
        public void finished(int iteration, CausalLm policy) {
            finished.add(iteration);
        }
    }

    static MemoryRunContext run(Path dir, String reference, long cancelAt, boolean resume, Sink sink) throws Exception {
        Random rng = new Random(4);
        List<Long> ids = new ArrayList<>();
        List<int[]> prompts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(100L + i);
            prompts.add(new int[] {1 + rng.nextInt(30), 1 + rng.nextInt(30), 2});
        }
        try (CausalLm policy = DpoTrainerTest.model(1); CausalLm sft = DpoTrainerTest.model(1)) {
            MemoryRunContext ctx = new MemoryRunContext(dir, cancelAt);
            new OnlineDpoTrainer(policy, sft, FIVES, ids, prompts, Set.of(EOS), cfg(reference), sink).run(ctx, resume);
            return ctx;
        }
    }

    @Test
    void eachRoundKeepsTheBestAndWorstScoredResponsesOfEveryPrompt() throws Exception {
        Sink sink = new Sink();
        MemoryRunContext ctx = run(tmp.resolve("a"), "sft", -1, false, sink);
        assertThat(sink.generated).extracting(OnlineIteration::index).containsExactly(0, 1);
        assertThat(sink.finished).containsExactly(0, 1);
        for (OnlineIteration it : sink.generated) {
            assertThat(it.prompts()).as("round %d has 4 prompts though a pass over the 6 ends inside round 2",
                    it.index() + 1).hasSize(4);
            assertThat(it.responses()).allSatisfy(r -> assertThat(r).hasSize(4));
            for (int[] p : it.pairs()) {
                float[] s = it.scores().get(p[0]);
                float max = Float.NEGATIVE_INFINITY;
                float min = Float.POSITIVE_INFINITY;
                for (float x : s) {
                    max = Math.max(max, x);
                    min = Math.min(min, x);
                }
                assertThat(s[p[1]]).isEqualTo(max);
                assertThat(s[p[2]]).isEqualTo(min).isLessThan(max);
            }
        }
        assertThat(ctx.named("online/pair_margin")).hasSize(2).allSatisfy(p -> assertThat(p.value()).isPositive());
        assertThat(ctx.named("online/kl_sft").get(0).value()).as("round 1 samples the SFT model itself")
                .isCloseTo(0, within(1e-3));
        assertThat(ctx.named("online/iteration")).extracting(MemoryRunContext.Point::step).containsExactly(1L, 5L);
    }

    @Test
    void thePreviousPolicyAsReferenceStartsEveryRoundAtLogTwo() throws Exception {
        MemoryRunContext prev = run(tmp.resolve("p"), "previous", -1, false, new Sink());
        MemoryRunContext sft = run(tmp.resolve("s"), "sft", -1, false, new Sink());
        // step 5 is round 2's first step: policy == reference only when the reference is the previous policy
        assertThat(prev.named("loss").get(4).value()).isCloseTo(Math.log(2), within(1e-4));
        assertThat(sft.named("loss").get(4).value()).isNotCloseTo(Math.log(2), within(1e-3));
    }

    @Test
    void aRunStoppedMidIterationAndResumedMatchesAnUninterruptedOne() throws Exception {
        Sink straightSink = new Sink();
        List<MemoryRunContext.Point> straight = run(tmp.resolve("u"), "sft", -1, false, straightSink).metrics;
        Sink first = new Sink();
        List<MemoryRunContext.Point> resumed = new ArrayList<>(run(tmp.resolve("r"), "sft", 6, false, first).metrics);
        Sink second = new Sink();
        MemoryRunContext again = run(tmp.resolve("r"), "sft", -1, true, second);
        assertThat(again.logs).anyMatch(l -> l.contains("resumed at step 6"));
        assertThat(again.logs).anyMatch(l -> l.contains("iteration 2: ") && l.contains("read from"));
        assertThat(first.generated).hasSize(2);
        assertThat(second.generated).as("round 2 is not sampled again").isEmpty();
        resumed.addAll(again.metrics);
        assertThat(resumed).hasSameSizeAs(straight);
        for (int i = 0; i < straight.size(); i++) {
            MemoryRunContext.Point a = straight.get(i);
            assertThat(resumed.get(i).name()).isEqualTo(a.name());
            assertThat(resumed.get(i).value()).as("%s at step %d", a.name(), a.step())
                    .isCloseTo(a.value(), within(1e-4 * Math.max(1, Math.abs(a.value()))));
        }
    }
}
