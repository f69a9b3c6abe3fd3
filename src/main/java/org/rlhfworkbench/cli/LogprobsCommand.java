package org.rlhfworkbench.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.model.AttentionMask;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.score.LogProbs;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * `rlhf logprobs --model DIR --text TEXT [--prompt-tokens N] [--json]`: log p(token i | tokens before
 * i) for every token after the first N, their sum, and the 5 most likely next tokens after the text.
 */
@Command(name = "logprobs", mixinStandardHelpOptions = true,
        description = "Score a text token by token and show the most likely next tokens.")
final class LogprobsCommand implements Callable<Integer> {
    private static final int TOP = 5;

    @Spec
    CommandSpec spec;

    @Mixin
    ModelOptions model;

    @Option(names = "--text", required = true, paramLabel = "TEXT",
            description = "the text to score (no special tokens added)")
    String text;

    @Option(names = "--prompt-tokens", defaultValue = "1", paramLabel = "N",
            description = "leave the first N tokens unscored, as context (default and minimum: ${DEFAULT-VALUE})")
    int promptTokens;

    @Option(names = "--json",
            description = "print {\"ids\",\"tokens\",\"logprobs\",\"sum\",\"top5\"} as one JSON object")
    boolean json;

    /** One of the most likely next tokens. */
    record Candidate(int id, float logit, double prob) {
    }

    @Override
    public Integer call() {
        if (text.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--text is empty: there is nothing to score");
        }
        if (promptTokens < 0) {
            throw new ParameterException(spec.commandLine(), "--prompt-tokens must be >= 0, got " + promptTokens);
        }
        try (LanguageModel lm = model.load()) {
            TextTokenizer tok = lm.tokenizer();
            int[] ids = tok.encode(text);
            int max = lm.model().shape().maxPositions();
            if (ids.length > max) {
                throw new IllegalArgumentException("the text has " + ids.length + " tokens, more than the model's "
                        + max + " positions");
            }
            int split = Math.min(Math.max(1, promptTokens), ids.length);
            Float[] logprobs = new Float[ids.length];   // null for the unscored context tokens
            double sum = 0;
            if (split < ids.length) {
                float[] lp = LogProbs.of(lm.model(), List.of(Arrays.copyOf(ids, split)),
                        List.of(Arrays.copyOfRange(ids, split, ids.length)), 1f)[0];
                for (int i = 0; i < lp.length; i++) {
                    logprobs[split + i] = lp[i];
                    sum += lp[i];
                }
            }
            List<Candidate> top = topNext(lm.model(), ids);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(CliJson.write(toJson(tok, ids, logprobs, sum, top)));
            } else {
                printTable(out, tok, ids, logprobs, sum, top);
            }
        }
        return 0;
    }

    /** The {@value #TOP} highest next-token logits after the whole text, with their softmax probabilities. */
    static List<Candidate> topNext(CausalLm model, int[] ids) {
        float[] logits;
        try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            long[] longs = Arrays.stream(ids).asLongStream().toArray();
            NDArray x = m.create(longs, new Shape(1, ids.length));                                    // (1, T)
            NDArray last = model.hidden(x, AttentionMask.full(1, ids.length), null)
                    .get(new NDIndex(":, -1:, :"));                                                    // (1, 1, E)
            logits = model.logits(last).toFloatArray();                                               // (1, 1, V)
        }
        double maxLogit = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            maxLogit = Math.max(maxLogit, l);
        }
        double z = 0;
        for (float l : logits) {
            z += Math.exp(l - maxLogit);
        }
        Integer[] order = new Integer[logits.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Float.compare(logits[b], logits[a]));
        double norm = z;
        double shift = maxLogit;
        return Arrays.stream(order).limit(TOP)
                .map(i -> new Candidate(i, logits[i], Math.exp(logits[i] - shift) / norm)).toList();
    }

    private static ObjectNode toJson(TextTokenizer tok, int[] ids, Float[] logprobs, double sum, List<Candidate> top) {
        ObjectNode o = CliJson.object();
        o.set("ids", CliJson.ints(ids));
        ArrayNode tokens = o.putArray("tokens");
        ArrayNode lps = o.putArray("logprobs");
        for (int i = 0; i < ids.length; i++) {
            tokens.add(tok.token(ids[i]));
            if (logprobs[i] == null) {
                lps.addNull();
            } else {
                lps.add(logprobs[i]);
            }
        }
        o.put("sum", sum);
        ArrayNode next = o.putArray("top5");
        for (Candidate c : top) {
            next.addObject().put("id", c.id()).put("token", tok.token(c.id()))
                    .put("logit", c.logit()).put("prob", c.prob());
        }
        return o;
    }

    private static void printTable(PrintWriter out, TextTokenizer tok, int[] ids, Float[] logprobs, double sum,
                                   List<Candidate> top) {
        out.printf("%5s %8s  %-20s %-20s %10s%n", "i", "id", "token", "text", "logprob");
        int scored = 0;
        for (int i = 0; i < ids.length; i++) {
            String lp = logprobs[i] == null ? "-" : String.format("%.4f", logprobs[i]);
            scored += logprobs[i] == null ? 0 : 1;
            out.printf("%5d %8d  %-20s %-20s %10s%n", i, ids[i], tok.token(ids[i]),
                    CliJson.quoted(tok.tokenText(ids[i])), lp);
        }
        out.printf("sum %.4f over %d tokens%n", sum, scored);
        out.printf("top %d next tokens:%n", TOP);
        out.printf("%8s  %-20s %-20s %10s %10s%n", "id", "token", "text", "logit", "prob");
        for (Candidate c : top) {
            out.printf("%8d  %-20s %-20s %10.4f %10.4g%n", c.id(), tok.token(c.id()),
                    CliJson.quoted(tok.tokenText(c.id())), c.logit(), c.prob());
        }
    }
}
