package org.rlhfworkbench.train.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.rlhfworkbench.lm.lora.LoraAdapter;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.LinearAdapter;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.train.dpo.DpoPair;
import org.rlhfworkbench.train.dpo.DpoTrainer;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.train.ppo.PpoTrainer;
import org.rlhfworkbench.train.ppo.Scorer;
import org.rlhfworkbench.train.reward.RewardModel;
import org.rlhfworkbench.core.config.ProbeSample;
import org.rlhfworkbench.train.run.RunContext;

/**
 * Seconds per step of the real PPO and DPO trainers on random tokens, full fine-tuning or LoRA,
 * with the models a job holds: full PPO a policy, a reference copy and a reward model; LoRA PPO the
 * policy (its base is the reference) and a reward model; DPO a policy and, full, a reference copy.
 * Peak RSS is the caller's to read (one configuration per process).
 */
public final class RlBench {
    /** Steps after the first (which is warm-up) and their mean seconds. */
    public record Result(String algo, String mode, int steps, double secondsPerStep, long trainable) {
    }

    /** Told after each step (1-based) with the seconds since the first step began; PPO only. */
    public interface StepWatch {
        StepWatch NONE = (step, seconds) -> { };

        void stepDone(long step, double seconds);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private RlBench() {
    }

    /** PPO: {@code prompts} rollouts of {@code newTokens} tokens per step, 1 minibatch, 1 epoch. */
    public static Result ppo(Supplier<CausalLm> load, LoraConfig lora, int steps, int prompts, int promptLen,
                             int newTokens, Path dir) throws IOException {
        return ppo(load, lora, steps, prompts, promptLen, newTokens, dir, StepWatch.NONE);
    }

    /** As above; {@code watch} hears every step (the memory benchmark prints RSS from it). */
    public static Result ppo(Supplier<CausalLm> load, LoraConfig lora, int steps, int prompts, int promptLen,
                             int newTokens, Path dir, StepWatch watch) throws IOException {
        try (CausalLm policy = load.get(); CausalLm rmBackbone = load.get()) {
            LoraAdapter adapter = lora == null ? null : LoraAdapter.attach(policy, lora);
            CausalLm reference = adapter != null ? policy.withAdapter(LinearAdapter.NONE) : load.get();
            try {
                PpoConfig cfg = with(PpoConfig.defaults(), PpoConfig.class, Map.of("steps", steps, "rolloutPrompts",
                        prompts, "miniBatches", 1, "ppoEpochs", 1, "maxNewTokens", newTokens, "probeEvery", 0,
                        "checkpointEvery", 1_000_000, "samplesPerPrompt", 1));
                Scorer scorer = Scorer.of(RewardModel.withNewHead(rmBackbone, 1), 0, 1);
                int vocab = policy.shape().vocab();
                PpoTrainer t = new PpoTrainer(policy, reference, scorer, tokens(16, promptLen, vocab, 1), List.of(),
                        Arrays::toString, Set.of(vocab - 1), cfg);
                Timer timer = new Timer(dir, watch);
                t.run(timer, false);
                return new Result("ppo", mode(lora), steps - 1, timer.secondsPerStep(), count(policy));
            } finally {
                reference.close();
            }
        }
    }

    /** DPO: {@code batch} pairs of {@code respLen}-token answers per step; reference log-probs once, up front. */
    public static Result dpo(Supplier<CausalLm> load, LoraConfig lora, int steps, int batch, int promptLen,
                             int respLen, Path dir) throws IOException {
        try (CausalLm policy = load.get()) {
            LoraAdapter adapter = lora == null ? null : LoraAdapter.attach(policy, lora);
            CausalLm[] reference = new CausalLm[1];
            try {
                DpoConfig cfg = with(DpoConfig.defaults(), DpoConfig.class, Map.of("epochs", 1, "batchSize", batch,
                        "checkpointEvery", 1_000_000, "maxLength", promptLen + respLen));
                int vocab = policy.shape().vocab();
                List<int[]> p = tokens(steps * batch, promptLen, vocab, 2);
                List<int[]> c = tokens(steps * batch, respLen, vocab, 3);
                List<int[]> r = tokens(steps * batch, respLen, vocab, 4);
                List<DpoPair> pairs = new ArrayList<>();
                for (int i = 0; i < p.size(); i++) {
                    pairs.add(new DpoPair(i, p.get(i), c.get(i), r.get(i)));
                }
                DpoTrainer t = new DpoTrainer(policy, pairs, List.of(), cfg);
                Timer timer = new Timer(dir, StepWatch.NONE);
                t.run(timer, false, () -> {
                    reference[0] = adapter != null ? policy.withAdapter(LinearAdapter.NONE) : load.get();
                    return reference[0];
                });
                return new Result("dpo", mode(lora), steps - 1, timer.secondsPerStep(), count(policy));
            } finally {
                if (reference[0] != null) {
                    reference[0].close();
                }
            }
        }
    }

    private static long count(CausalLm policy) {
        return policy.trainable().values().stream().mapToLong(a -> a.size()).sum();
    }

    private static String mode(LoraConfig lora) {
        return lora == null ? "full" : "lora r" + lora.rank();
    }

    static List<int[]> tokens(int n, int len, int vocab, long seed) {
        Random rng = new Random(seed);
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int[] t = new int[len];
            for (int j = 0; j < len; j++) {
                t[j] = rng.nextInt(vocab - 1);
            }
            out.add(t);
        }
        return out;
    }

    /** The record with some fields replaced by name (robust to fields added later). */
    static <T> T with(T config, Class<T> type, Map<String, Object> fields) {
        ObjectNode tree = JSON.valueToTree(config);
        fields.forEach((k, v) -> tree.set(k, JSON.valueToTree(v)));
        try {
            return JSON.treeToValue(tree, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A run context that times the steps. */
    private static final class Timer implements RunContext {
        private final Path dir;
        private final List<Long> ends = new ArrayList<>();
        private final StepWatch watch;
        private final long start = System.nanoTime();

        Timer(Path dir, StepWatch watch) throws IOException {
            this.dir = Files.createDirectories(dir);
            this.watch = watch;
        }

        double secondsPerStep() {
            if (ends.size() < 2) {
                return Double.NaN;
            }
            return (ends.get(ends.size() - 1) - ends.get(0)) / 1e9 / (ends.size() - 1);
        }

        @Override
        public Path dir() {
            return dir;
        }

        @Override
        public void metric(long step, String name, double value) {
        }

        @Override
        public void progress(long step, long total, double tokensPerSecond) {
            long now = System.nanoTime();
            ends.add(now);
            watch.stepDone(step, (now - start) / 1e9);
        }

        @Override
        public boolean shouldStop() {
            return false;
        }

        @Override
        public void log(String message) {
        }

        @Override
        public void samples(long step, List<ProbeSample> samples) {
        }
    }
}
