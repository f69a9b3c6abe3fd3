package org.rlhfworkbench.jobs.label;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.tokenizer.StreamDecoder;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;

/**
 * Samples K responses for each of a few prompts in one {@link Sampler} call (one shared prefill
 * per prompt) and turns the tokens into response text as they stream ({@link ResponseText}).
 * A response is reported done the moment it hits EOS or starts a new turn, not when the whole
 * batch ends; its token count is the number of sampled tokens that produced its text (EOS and a
 * cut-off new turn not counted). Use it only on the thread that owns the model.
 */
public final class ResponseGenerator {
    /** The sampling_json key saying why an answer ended (OpenAI's name): "stop" or {@value #FINISH_LENGTH}. */
    public static final String FINISH_REASON = "finish_reason";
    public static final String FINISH_LENGTH = "length";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Receives the responses; called on the generating thread. */
    public interface Sink {
        void onText(int prompt, int index, String delta);

        void onDone(int prompt, int index, String text, int tokenCount);

        /**
         * As {@link #onDone(int, int, String, int)}; {@code cut} is true when the answer ran out of
         * new tokens (max new tokens, or the model's context) instead of ending by itself.
         */
        default void onDone(int prompt, int index, String text, int tokenCount, boolean cut) {
            onDone(prompt, index, text, tokenCount);
        }
    }

    private final LanguageModel lm;
    private final BooleanSupplier cancelled;
    private PromptEncoder encoder;
    private PromptFormat encoderFormat;

    /** {@code cancelled} is polled per token; when it turns true generation stops with a CancellationException. */
    public ResponseGenerator(LanguageModel lm, BooleanSupplier cancelled) {
        this.lm = lm;
        this.cancelled = cancelled;
    }

    /** The encoder of the project's prompt format for this generator's model (made once). */
    public PromptEncoder encoder(PromptFormat format) {
        if (encoder == null || encoderFormat != format) {
            encoder = format.encoder(lm);
            encoderFormat = format;
        }
        return encoder;
    }

    /** The stop tokens for labeling: the model's EOS ids and, in chat format, the template's end of turn. */
    public Set<Integer> stopIds(PromptFormat format) {
        return encoder(format).stopIds();
    }

    /** Samples K answers to each prompt, written as the project's prompt format says ({@link PromptEncoder}). */
    public void generate(List<Prompt> prompts, PromptFormat format, int k, SamplingParams params, Sink sink) {
        PromptEncoder enc = encoder(format);
        generateIds(prompts.stream().map(enc::encode).toList(), k, params, sink);
    }

    /** Samples K answers to each prompt given as token ids. */
    public void generateIds(List<int[]> promptIds, int k, SamplingParams params, Sink sink) {
        TextTokenizer tok = lm.tokenizer();
        int maxPositions = lm.model().shape().maxPositions();
        int maxNew = Math.min(params.maxNewTokens(), maxPositions - 1);
        List<int[]> ids = new ArrayList<>();
        for (int[] p : promptIds) {
            ids.add(fit(p, maxPositions - maxNew));
        }
        Row[][] rows = new Row[ids.size()][k];
        for (Row[] perPrompt : rows) {
            for (int i = 0; i < k; i++) {
                perPrompt[i] = new Row(new StreamDecoder(tok, true));
            }
        }
        Set<Integer> stops = params.stopIds();
        new Sampler(lm.model()).sample(ids, k, params.withMaxNewTokens(maxNew), (p, i, token) -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("generation was cancelled");
            }
            Row r = rows[p][i];
            if (r.done) {
                return;
            }
            if (stops.contains(token)) {
                finish(r, p, i, sink, false);
                return;
            }
            emit(sink, p, i, r.text.push(r.decoder.push(token)));
            r.lengths.add(r.text.visibleLength());
            if (r.text.ended()) {
                finish(r, p, i, sink, false);
            }
        });
        // what is still open here sampled its last allowed token without ending: cut
        for (int p = 0; p < rows.length; p++) {
            for (int i = 0; i < k; i++) {
                if (!rows[p][i].done) {
                    finish(rows[p][i], p, i, sink, true);
                }
            }
        }
    }

    /**
     * The sampling parameters as stored with each generation (generation.sampling_json);
     * {@code index} is the response's position among the prompt's K (it keeps the shown order
     * when stored responses are shown again).
     */
    public static String samplingJson(SamplingParams p, int k, String template, int index) {
        return samplingJson(p, k, template, index, null, false).toString();
    }

    /**
     * As {@link #samplingJson(SamplingParams, int, String, int)}, plus the prompt format and
     * {@value #FINISH_REASON}: {@value #FINISH_LENGTH} when the answer was cut at max new tokens, else "stop".
     */
    public static String samplingJson(SamplingParams p, int k, String template, int index, String format, boolean cut) {
        ObjectNode o = json(p, k, template, index);
        if (format != null) {
            o.put("prompt_format", format);
        }
        o.put(FINISH_REASON, cut ? FINISH_LENGTH : "stop");
        return o.toString();
    }

    /** The max new tokens an answer was cut at (finish_reason "length" in its sampling_json), or null. */
    public static Integer cutAt(String samplingJson) {
        if (samplingJson == null) {
            return null;
        }
        try {
            var node = JSON.readTree(samplingJson);
            return FINISH_LENGTH.equals(node.path(FINISH_REASON).asText()) ? node.path("max_new_tokens").asInt() : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }

    private static ObjectNode json(SamplingParams p, int k, String template, int index) {
        ObjectNode o = JSON.createObjectNode();
        o.put("index", index);
        o.put("temperature", p.temperature());
        o.put("top_k", p.topK());
        o.put("top_p", p.topP());
        o.put("max_new_tokens", p.maxNewTokens());
        o.put("seed", p.seed());
        o.put("k", k);
        p.stopIds().stream().sorted().forEach(o.putArray("stop_ids")::add);
        o.put("prompt_template", template);
        return o;
    }

    /** The "index" of a sampling_json written by {@link #samplingJson}, or -1. */
    public static int sampleIndex(String samplingJson) {
        if (samplingJson == null) {
            return -1;
        }
        try {
            return JSON.readTree(samplingJson).path("index").asInt(-1);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return -1;
        }
    }

    private void finish(Row r, int p, int i, Sink sink, boolean cut) {
        if (!r.text.ended()) {
            emit(sink, p, i, r.text.push(r.decoder.flush()));
            if (!r.lengths.isEmpty()) {
                r.lengths.set(r.lengths.size() - 1, r.text.visibleLength());
            }
        }
        emit(sink, p, i, r.text.rest());
        String text = r.text.finish();
        r.done = true;
        sink.onDone(p, i, text, tokensFor(r.lengths, text.length()), cut);
    }

    /** How many sampled tokens it took to produce the first {@code length} characters of the response. */
    static int tokensFor(List<Integer> lengths, int length) {
        if (length == 0) {
            return 0;
        }
        for (int n = 0; n < lengths.size(); n++) {
            if (lengths.get(n) >= length) {
                return n + 1;
            }
        }
        return lengths.size();
    }

    private static void emit(Sink sink, int p, int i, String delta) {
        if (!delta.isEmpty()) {
            sink.onText(p, i, delta);
        }
    }

    /** Keeps the last {@code room} tokens of a long prompt; an empty prompt starts from BOS or EOS. */
    private int[] fit(int[] ids, int room) {
        if (ids.length == 0) {
            TextTokenizer tok = lm.tokenizer();
            int start = tok.bosId().orElse(tok.eosId().orElse(0));
            return new int[] {start};
        }
        return ids.length <= room ? ids : Arrays.copyOfRange(ids, ids.length - room, ids.length);
    }

    private static final class Row {
        final StreamDecoder decoder;
        final ResponseText text = new ResponseText();
        /** Visible text length after each sampled token, for the token count of the final text. */
        final List<Integer> lengths = new ArrayList<>();
        boolean done;

        Row(StreamDecoder decoder) {
            this.decoder = decoder;
        }
    }
}
