package org.rlhfworkbench.cli;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.Devices;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.bench.BenchResult;
import org.rlhfworkbench.lm.bench.LmBench;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.Gpt2Lm;
import org.rlhfworkbench.lm.model.ModelShape;
import org.rlhfworkbench.lm.model.RandomInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** `rlhf bench [--model DIR] --what load|train|generate|all [--json]`: load time, throughput and peak memory. */
@Command(name = "bench", description = "Training and generation tokens/s and peak RSS, each with an in-run reference."
        + " Without --model: a random GPT-2 (4 layers, n_embd 256, 4 heads, context 256, vocab 8192).")
final class BenchCommand implements Callable<Integer> {
    static final ModelShape REFERENCE = new ModelShape(8192, 256, 1024, 4, 4, 4, 64, 256);

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", description = "HF model folder (default: the reference config)")
    Path model;

    @Option(names = "--what", defaultValue = "all", description = "load, train, generate or all (default ${DEFAULT-VALUE}); load needs --model")
    String what;

    @Option(names = "--batch", defaultValue = "8", description = "sequences per step (default ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--ctx", defaultValue = "256", description = "training context length (default ${DEFAULT-VALUE})")
    int ctx;

    @Option(names = "--steps", defaultValue = "10", description = "timed training steps (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--new-tokens", defaultValue = "128", description = "tokens generated per sequence (default ${DEFAULT-VALUE})")
    int newTokens;

    @Option(names = "--json", description = "print the results as JSON")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!List.of("load", "train", "generate", "all").contains(what)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--what must be load, train, generate or all");
        }
        List<BenchResult> results = new ArrayList<>();
        if (what.equals("load")) {
            if (model == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--what load needs --model DIR");
            }
            results.add(LmBench.load(model));
            print(results);
            return 0;
        }
        try (Loaded m = load()) {
            LmBench bench = new LmBench(m.lm);
            if (!what.equals("train")) {
                results.add(bench.generate(batch, 16, newTokens, Math.min(newTokens, 32)));
            }
            if (!what.equals("generate")) {
                results.add(bench.train(batch, Math.min(ctx, m.lm.shape().maxPositions()), 2, steps));
            }
        }
        print(results);
        return 0;
    }

    private void print(List<BenchResult> results) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(results));
            return;
        }
        for (BenchResult r : results) {
            out.println("== bench " + r.what() + " ==");
            r.config().forEach((k, v) -> out.printf("  %-26s %s%n", k, v));
            for (Map.Entry<String, Double> f : r.figures().entrySet()) {
                out.printf("  %-26s %.3f%n", f.getKey(), f.getValue());
            }
        }
    }

    private Loaded load() {
        if (model != null) {
            LanguageModel lm = LanguageModels.load(model);
            return new Loaded(lm.model(), lm);
        }
        NDManager m = NDManager.newBaseManager(Devices.chosen());
        return new Loaded(new Gpt2Lm(RandomInit.gpt2(m, REFERENCE, 0), REFERENCE, 1e-5f), null);
    }

    private record Loaded(CausalLm lm, LanguageModel owner) implements AutoCloseable {
        @Override
        public void close() {
            if (owner != null) {
                owner.close();
            } else {
                lm.close();
            }
        }
    }
}
