package org.rlhfworkbench.train.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.sample.PretrainingCorpus;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.sample.Sample;
import org.rlhfworkbench.lm.sample.Sampler;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.lm.sample.TokenListener;

class PretrainerTest {
    @TempDir
    Path tmp;

    @Test
    void aSmallRunLowersTheLossAndWritesALoadableHfFolder() throws Exception {
        PretrainConfig cfg = new PretrainConfig("test", 400, 48, 1, 32, 2, 60, 8, 3e-3f, 5, 9, 30, 0.05);
        List<Float> losses = new ArrayList<>();
        PretrainResult r = new Pretrainer(cfg, new PretrainListener() {
            @Override
            public void onStep(long step, int total, float loss, float lr, double tps) {
                losses.add(loss);
            }
        }).run(PretrainingCorpus.text(600, 3), tmp.resolve("m"));

        assertThat(losses).hasSize(60);
        assertThat(losses.get(59)).isLessThan(losses.get(0) - 1.5f);
        assertThat(r.curve()).hasSize(2);
        assertThat(Float.isFinite(r.validationLoss())).isTrue();
        for (String f : List.of("config.json", "model.safetensors", "tokenizer.json", "generation_config.json",
                "pretrain.json")) {
            assertThat(tmp.resolve("m").resolve(f)).isRegularFile();
        }
        assertThat(Files.readString(tmp.resolve("m/pretrain.json"))).contains("\"seed\" : 9");

        try (LanguageModel lm = LanguageModels.load(tmp.resolve("m"))) {
            int eos = lm.tokenizer().eosIds()[0];
            int[] prompt = lm.tokenizer().encode("User: What is 2 plus 3?\nAssistant:");
            Sample s = new Sampler(lm.model()).sample(List.of(prompt), 1,
                    new SamplingParams(0.7f, 0, 1f, 20, 1, Set.of(eos)), TokenListener.NONE).get(0).get(0);
            assertThat(s.tokens().length).isBetween(1, 20);
            assertThat(lm.tokenizer().decode(s.tokens(), true)).isNotNull();
        }
    }
}
