package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.lm.lora.LoraAdapter;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.LinearAdapter;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.train.run.MemoryRunContext;

/** PPO with a LoRA policy whose reference is its own base with the adapter off. */
class PpoLoraTest {
    @TempDir
    Path tmp;

    record Result(MemoryRunContext ctx, Map<String, float[]> adapter) {
    }

    static Result run(Path dir, int steps, long cancelAt, boolean resume) throws Exception {
        try (CausalLm policy = PpoTrainerTest.model(1); CausalLm fresh = PpoTrainerTest.model(1);
             CausalLm rmBackbone = PpoTrainerTest.model(2)) {
            LoraAdapter adapter = LoraAdapter.attach(policy,
                    new LoraConfig(4, 8f, 0f, false, List.of(LoraConfig.ALL_LINEAR), 5));
            CausalLm reference = policy.withAdapter(LinearAdapter.NONE);
            Scorer scorer = Scorer.of(RewardModel.withNewHead(rmBackbone, 3), 0.0, 1.0);
            PpoTrainer t = new PpoTrainer(policy, reference, scorer, PpoTrainerTest.prompts(),
                    PpoTrainerTest.prompts().subList(0, 2), Arrays::toString, Set.of(PpoTrainerTest.EOS),
                    PpoTrainerTest.cfg(steps));
            MemoryRunContext ctx = new MemoryRunContext(dir, cancelAt);
            t.run(ctx, resume);
            fresh.weights().all().forEach((name, w) -> assertThat(policy.weights().get(name).toFloatArray())
                    .as("frozen base tensor %s", name).containsExactly(w.toFloatArray()));
            Map<String, float[]> out = new java.util.LinkedHashMap<>();
            adapter.parameters().forEach((n, a) -> out.put(n, a.toFloatArray()));
            return new Result(ctx, out);
        }
    }

    @Test
    void onlyTheAdapterAndTheValueHeadAreTrainedAndCheckpointed() throws Exception {
        Result r = run(tmp.resolve("a"), 2, -1, false);
        // B = 0 at the start: the first rollout's policy is the reference exactly
        assertThat(r.ctx().named("objective/kl").get(0).value()).isCloseTo(0.0, within(1e-6));
        assertThat(r.adapter().entrySet().stream().filter(e -> e.getKey().endsWith("lora_B.weight"))
                .anyMatch(e -> e.getValue().length > 0 && Arrays.stream(box(e.getValue())).anyMatch(v -> v != 0f)))
                .as("B moved").isTrue();
        Set<String> params = SafeTensors.read(tmp.resolve("a/checkpoint/params.safetensors")).keySet();
        assertThat(params).allMatch(n -> n.endsWith(".lora_A.weight") || n.endsWith(".lora_B.weight")
                || n.startsWith("v_head.")).hasSize(r.adapter().size() + 2);
        assertThat(SafeTensors.read(tmp.resolve("a/checkpoint/optimizer.safetensors"))).hasSize(2 * params.size());
    }

    @Test
    void aLoraRunStoppedAndResumedMatchesAnUninterruptedOne() throws Exception {
        Result straight = run(tmp.resolve("s"), 4, -1, false);
        List<MemoryRunContext.Point> resumed = new ArrayList<>(run(tmp.resolve("r"), 4, 2, false).ctx().metrics);
        Result second = run(tmp.resolve("r"), 4, -1, true);
        assertThat(second.ctx().logs).anyMatch(l -> l.contains("resumed at step 2"));
        resumed.addAll(second.ctx().metrics);
        List<MemoryRunContext.Point> a = straight.ctx().metrics.stream().filter(p -> !p.name().startsWith("timing/")).toList();
        List<MemoryRunContext.Point> b = resumed.stream().filter(p -> !p.name().startsWith("timing/")).toList();
        assertThat(b).hasSameSizeAs(a);
        for (int i = 0; i < a.size(); i++) {
            assertThat(b.get(i).value()).as("%s at step %d", a.get(i).name(), a.get(i).step())
                    .isCloseTo(a.get(i).value(), within(1e-4 * Math.max(1, Math.abs(a.get(i).value()))));
        }
        straight.adapter().forEach((n, v) -> assertThat(second.adapter().get(n)).as(n).containsExactly(v, within(1e-5f)));
    }

    private static Float[] box(float[] v) {
        Float[] out = new Float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i];
        }
        return out;
    }

    static long count(Map<String, NDArray> m) {
        return m.values().stream().mapToLong(NDArray::size).sum();
    }
}
