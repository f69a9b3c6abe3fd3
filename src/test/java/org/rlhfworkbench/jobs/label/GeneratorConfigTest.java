package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.lm.sample.SamplingParams;
import org.rlhfworkbench.store.Project;

/** The labeling generator in project meta: read with its defaults, stored only when the model can do it. */
class GeneratorConfigTest {
    @TempDir
    Path tmp;

    @Test
    void readsDefaultsStoresAChangeAndRefusesChatWithoutATemplate() throws Exception {
        try (Project p = Project.create(tmp.resolve("p"))) {
            assertThat(GeneratorConfig.read(p).current()).isNull();
            LabelFixtures.tinyModel(p.dir().resolve("models/a"));
            long a = p.models().add("a", ModelKind.BASE, null, "models/a", null);
            LabelFixtures.tinyModel(p.dir().resolve("models/b"));
            Files.writeString(p.dir().resolve("models/b/chat_template.jinja"),
                    "{% for m in messages %}{{ m['content'] }}{% endfor %}");
            long b = p.models().add("b", ModelKind.SFT, a, "models/b", null);

            // no meta: the newest SFT model, K 4, the sampling defaults, chat because b has a template
            GeneratorOptions read = GeneratorConfig.read(p);
            assertThat(read.current()).isEqualTo(new GeneratorSettings(b, 4, 0.7f, 1f, 64, PromptFormat.CHAT));
            assertThat(read.models()).extracting(GeneratorChoice::name, GeneratorChoice::chatTemplate)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a", false), org.assertj.core.groups.Tuple.tuple("b", true));

            GeneratorConfig.save(p, new GeneratorSettings(a, 3, 1.2f, 0.9f, 16, PromptFormat.PLAIN));
            assertThat(p.meta().get(SampleProjects.META_POLICY_MODEL)).isEqualTo(Long.toString(a));
            assertThat(p.meta().get(LabelConfig.META_K)).isEqualTo("3");
            assertThat(p.meta().get(PromptFormat.META_FORMAT)).isEqualTo("plain");
            assertThat(LabelConfig.k(p)).isEqualTo(3);
            SamplingParams s = LabelConfig.sampling(p, Set.of());
            assertThat(new float[] {s.temperature(), s.topP()}).containsExactly(1.2f, 0.9f);
            assertThat(s.maxNewTokens()).isEqualTo(16);
            assertThat(GeneratorConfig.read(p).current()).isEqualTo(new GeneratorSettings(a, 3, 1.2f, 0.9f, 16, "plain"));

            assertThatThrownBy(() -> GeneratorConfig.save(p, new GeneratorSettings(a, 3, 1f, 1f, 16, PromptFormat.CHAT)))
                    .hasMessage("Model a has no chat template: choose the plain prompt format.");
            assertThatThrownBy(() -> GeneratorConfig.save(p, new GeneratorSettings(99, 3, 1f, 1f, 16, PromptFormat.PLAIN)))
                    .hasMessage("Model 99 is not in the project.");
            // a refused change leaves the stored settings as they were
            assertThat(GeneratorConfig.read(p).current()).isEqualTo(new GeneratorSettings(a, 3, 1.2f, 0.9f, 16, "plain"));
        }
    }

    @Test
    void aStoredAnswerIsShownAgainOnlyWhenItWasSampledTheSameWay() {
        SamplingParams now = new SamplingParams(0.7f, 0, 1f, 8, 0, Set.of());
        String stored = "{\"index\":0,\"temperature\":0.7,\"top_p\":1.0,\"max_new_tokens\":8,\"k\":4}";
        assertThat(ProjectLabelingService.sameSampling(stored, now, null)).isTrue();
        assertThat(ProjectLabelingService.sameSampling(stored.replace("\"max_new_tokens\":8", "\"max_new_tokens\":64"),
                now, null)).isFalse();
        assertThat(ProjectLabelingService.sameSampling(stored.replace("0.7", "1.0"), now, null)).isFalse();
        assertThat(ProjectLabelingService.sameSampling(stored.replace("\"top_p\":1.0", "\"top_p\":0.9"), now, null)).isFalse();
        String chat = stored.replace("}", ",\"prompt_format\":\"chat\"}");
        assertThat(ProjectLabelingService.sameSampling(chat, now, "chat")).isTrue();
        assertThat(ProjectLabelingService.sameSampling(chat, now, "plain")).isFalse();
        // answers stored before the format was recorded match either format
        assertThat(ProjectLabelingService.sameSampling(stored, now, "plain")).isTrue();
    }

    @Test
    void theCutLimitIsReadFromFinishReason() {
        SamplingParams p = new SamplingParams(0.7f, 0, 1f, 128, 5, Set.of(2));
        assertThat(ResponseGenerator.cutAt(ResponseGenerator.samplingJson(p, 4, "t", 0, "chat", true))).isEqualTo(128);
        assertThat(ResponseGenerator.cutAt(ResponseGenerator.samplingJson(p, 4, "t", 0, "chat", false))).isNull();
        assertThat(ResponseGenerator.cutAt(ResponseGenerator.samplingJson(p, 4, "t", 0))).isNull();
        assertThat(ResponseGenerator.cutAt(null)).isNull();
    }
}
