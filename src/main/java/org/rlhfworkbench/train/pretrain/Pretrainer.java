package org.rlhfworkbench.train.pretrain;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.rlhfworkbench.lm.Devices;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.optim.WindowLoss;
import org.rlhfworkbench.lm.optim.LrSchedule;
import org.rlhfworkbench.lm.optim.OptimizerConfig;
import org.rlhfworkbench.lm.optim.Trainer;
import org.rlhfworkbench.lm.tokenizer.BpeModel;
import org.rlhfworkbench.lm.tokenizer.BpeTrainer;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;

/**
 * Trains a GPT-2 model from scratch on a text corpus and writes a Hugging Face folder:
 * 1. train a byte-level BPE tokenizer on the corpus (EOS = "<|endoftext|>");
 * 2. encode documents (blank-line separated) each followed by EOS; hold out a validation share;
 * 3. random init (seeded), AdamW with warm-up and cosine decay, random windows of context + 1;
 * 4. validation loss every evalEvery steps; 5. save config.json, model.safetensors, tokenizer files
 * and pretrain.json (the config with its seed and the loss curve).
 */
public final class Pretrainer {
    private final PretrainConfig cfg;
    private final PretrainListener listener;

    public Pretrainer(PretrainConfig cfg, PretrainListener listener) {
        this.cfg = cfg;
        this.listener = listener;
    }

    public PretrainResult run(String corpus, Path out) throws IOException {
        long started = System.nanoTime();
        // 1. tokenizer
        List<String> docs = TokenStream.documents(corpus);
        BpeModel bpe = BpeTrainer.train(docs, cfg.vocabSize(), List.of(BpeTrainer.END_OF_TEXT));
        Files.createDirectories(out);
        bpe.save(out, cfg.context());
        int eos = bpe.specialId(BpeTrainer.END_OF_TEXT);
        listener.onMessage("tokenizer: " + bpe.vocabSize() + " tokens, " + docs.size() + " documents");
        // 2. token stream
        TokenStream stream;
        try (TextTokenizer tok = Tokenizers.load(out)) {
            stream = TokenStream.of(docs, tok, eos, cfg.valFraction(), cfg.seed());
        } catch (Exception e) {
            throw new IOException("tokenizing the corpus failed: " + e.getMessage(), e);
        }
        listener.onMessage("tokens: " + stream.train.length + " train, " + stream.validation.length + " validation");
        // 3. model and optimiser
        Gpt2Config config = Gpt2Config.of(bpe.vocabSize(), cfg.context(), cfg.embd(), cfg.layers(), cfg.heads(), eos, eos);
        List<float[]> curve = new ArrayList<>();
        float loss = Float.NaN;
        float val = Float.NaN;
        try (CausalLm model = ModelFamilies.random(config, NDManager.newBaseManager(Devices.chosen()), cfg.seed());
             Trainer trainer = new Trainer(model.weights().all(), model.manager(), OptimizerConfig.defaults(),
                     LrSchedule.cosine(cfg.learningRate(), cfg.warmupSteps(), cfg.steps()))) {
            listener.onMessage("model: " + model.weights().count() + " parameters");
            Random rng = new Random(cfg.seed());
            long windowStart = System.nanoTime();
            for (int step = 1; step <= cfg.steps(); step++) {
                long[] batch = TokenStream.windows(stream.train, cfg.batchSize(), cfg.context(), rng);
                Trainer.StepResult r = trainer.step(1, (m, micro) -> WindowLoss.of(model, m, batch, cfg.batchSize(), cfg.context()));
                loss = r.loss();
                double tps = (double) cfg.batchSize() * cfg.context() * step / ((System.nanoTime() - windowStart) / 1e9);
                listener.onStep(step, cfg.steps(), loss, r.lr(), tps);
                if (step % cfg.evalEvery() == 0 || step == cfg.steps()) {
                    val = validate(model, stream.validation);
                    listener.onValidation(step, val);
                    curve.add(new float[] {step, loss, val});
                }
            }
            // 5. the HF folder
            LanguageModels.save(model, config, out, null);
        } catch (CheckpointException e) {
            throw new IOException(e.getMessage(), e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        writeRecord(out, curve, seconds);
        return new PretrainResult(out, loss, val, seconds, curve);
    }

    /** Mean loss over fixed validation windows (same windows every time: seeded). */
    private float validate(CausalLm model, int[] validation) {
        Random rng = new Random(cfg.seed() + 1);
        int len = Math.min(cfg.context(), validation.length - 2);
        float sum = 0;
        int n = 4;
        try (NDManager m = model.manager().newSubManager(); NDScope scope = new NDScope()) {
            for (int i = 0; i < n; i++) {
                long[] w = TokenStream.windows(validation, cfg.batchSize(), len, rng);
                sum += WindowLoss.of(model, m, w, cfg.batchSize(), len).getFloat();
            }
        }
        return sum / n;
    }

    private void writeRecord(Path out, List<float[]> curve, double seconds) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode o = json.createObjectNode();
        o.set("config", json.valueToTree(cfg));
        o.put("seconds", Math.round(seconds));
        var arr = o.putArray("curve");
        for (float[] c : curve) {
            arr.addObject().put("step", (int) c[0]).put("loss", c[1]).put("val_loss", c[2]);
        }
        Files.writeString(out.resolve("pretrain.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(o) + "\n");
    }
}
