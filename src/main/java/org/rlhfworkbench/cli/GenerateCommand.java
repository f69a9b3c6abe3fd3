package org.rlhfworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.sample.Sample;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;
import org.rlhfworkbench.lm.tokenizer.StreamDecoder;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `rlhf generate --model DIR --prompt TEXT [-k N] [--max-new-tokens N] [--temperature T] [--top-k K]
 * [--top-p P] [--seed S] [--json] [--stream]`: K samples that stop at the tokenizer's EOS ids.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Sample K responses to a prompt from a model folder.")
final class GenerateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--prompt", required = true, paramLabel = "TEXT",
            description = "prompt text, tokenized as given (empty: start from the BOS / EOS token)")
    String prompt;

    @Option(names = "-k", defaultValue = "1", paramLabel = "N",
            description = "number of samples (default: ${DEFAULT-VALUE})")
    int k;

    @Option(names = "--max-new-tokens", defaultValue = "64", paramLabel = "N",
            description = "stop after N tokens even without EOS (default: ${DEFAULT-VALUE})")
    int maxNewTokens;

    @Option(names = "--temperature", defaultValue = "0.7", paramLabel = "T",
            description = "0 is greedy (default: ${DEFAULT-VALUE})")
    float temperature;

    @Option(names = "--top-k", defaultValue = "0", paramLabel = "K",
            description = "keep the K most likely tokens, 0 keeps all (default: ${DEFAULT-VALUE})")
    int topK;

    @Option(names = "--top-p", defaultValue = "1.0", paramLabel = "P",
            description = "nucleus sampling, 1 keeps all (default: ${DEFAULT-VALUE})")
    float topP;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "the same seed gives the same samples (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--json", description = "print one JSON object with texts, tokens and log-probs")
    boolean json;

    @Option(names = "--stream", description = "print the text as it is generated (needs -k 1, not with --json)")
    boolean stream;

    @Override
    public Integer call() {
        SamplingParams params = checkedParams(Set.of());
        try (LanguageModel lm = model.load()) {
            TextTokenizer tok = lm.tokenizer();
            int[] promptIds = promptIds(tok);
            Set<Integer> stopIds = Arrays.stream(tok.eosIds()).boxed().collect(Collectors.toSet());
            params = new SamplingParams(params.temperature(), params.topK(), params.topP(), params.maxNewTokens(),
                    params.seed(), stopIds);
            PrintWriter out = spec.commandLine().getOut();
            StreamDecoder decoder = stream ? new StreamDecoder(tok, true) : null;
            TokenListener listener = decoder == null ? TokenListener.NONE : (p, index, token) -> {
                out.print(decoder.push(token));
                out.flush();
            };
            long start = System.nanoTime();
            List<Sample> samples = new Sampler(lm.model()).sample(List.of(promptIds), k, params, listener).get(0);
            double seconds = (System.nanoTime() - start) / 1e9;
            int produced = samples.stream().mapToInt(s -> s.tokens().length).sum();
            double tokensPerSecond = seconds > 0 ? produced / seconds : 0;
            if (json) {
                out.println(CliJson.write(toJson(lm, promptIds, params, samples, tok, tokensPerSecond)));
            } else if (stream) {
                out.println(decoder.flush());
                out.println("--- " + summary(samples.get(0)) + String.format(", %.1f tokens/s", tokensPerSecond));
            } else {
                for (Sample s : samples) {
                    out.println("--- sample " + (s.index() + 1) + " (" + summary(s) + ")");
                    out.println(tok.decode(s.tokens(), true));
                }
                out.printf("--- %d tokens in %.2f s, %.1f tokens/s%n", produced, seconds, tokensPerSecond);
            }
        }
        return 0;
    }

    /** Validates the options before the (slow) model load; bad values are usage errors (exit 2). */
    private SamplingParams checkedParams(Set<Integer> stopIds) {
        if (k < 1) {
            throw new ParameterException(spec.commandLine(), "-k must be at least 1, got " + k);
        }
        if (stream && (k != 1 || json)) {
            throw new ParameterException(spec.commandLine(), "--stream needs -k 1 and no --json");
        }
        try {
            return new SamplingParams(temperature, topK, topP, maxNewTokens, seed, stopIds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage()
                    + " (need temperature >= 0, top-k >= 0, 0 < top-p <= 1, max-new-tokens >= 1)");
        }
    }

    private int[] promptIds(TextTokenizer tok) {
        if (!prompt.isEmpty()) {
            return tok.encode(prompt);
        }
        int start = tok.bosId().isPresent() ? tok.bosId().getAsInt()
                : tok.eosId().orElseThrow(() -> new IllegalArgumentException(
                        "the prompt is empty and the tokenizer of " + model.folder
                                + " has no BOS or EOS token to start from"));
        return new int[] {start};
    }

    private static String summary(Sample s) {
        return String.format("%d tokens, %s, logprob %.2f", s.tokens().length,
                s.stopped() ? "stopped at EOS" : "reached max new tokens", s.sumLogprob());
    }

    private ObjectNode toJson(LanguageModel lm, int[] promptIds, SamplingParams p, List<Sample> samples,
                              TextTokenizer tok, double tokensPerSecond) {
        ObjectNode o = CliJson.object();
        o.put("prompt", prompt);
        o.put("model", lm.folder().toString());
        o.set("prompt_tokens", CliJson.ints(promptIds));
        ObjectNode params = o.putObject("params");
        params.put("k", k);
        params.put("max_new_tokens", p.maxNewTokens());
        params.put("temperature", p.temperature());
        params.put("top_k", p.topK());
        params.put("top_p", p.topP());
        params.put("seed", p.seed());
        params.set("stop_ids", CliJson.ints(tok.eosIds()));
        ArrayNode arr = o.putArray("samples");
        for (Sample s : samples) {
            ObjectNode so = arr.addObject();
            so.put("text", tok.decode(s.tokens(), true));
            so.set("tokens", CliJson.ints(s.tokens()));
            so.set("logprobs", CliJson.floats(s.logprobs()));
            so.put("logprob", s.sumLogprob());
            so.put("stopped", s.stopped());
        }
        o.put("tokens_per_second", tokensPerSecond);
        return o;
    }
}
