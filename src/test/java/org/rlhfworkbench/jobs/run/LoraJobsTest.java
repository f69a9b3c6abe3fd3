package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.family.ModelCards;
import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.core.config.GrpoConfig;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.store.Project;

/** A training job with LoRA on: the result is a PEFT adapter folder over the starting model. */
class LoraJobsTest {
    @TempDir
    Path home;

    /** GRPO with LoRA: the adapter alone trains, the reference is the base with it off, the result an adapter. */
    @Test
    void aGrpoJobWithLoraSavesAPeftAdapterThatLoadsAsAModel() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        try (Project p = Project.open(dir)) {
            LoraConfig lora = new LoraConfig(4, 8f, 0f, false, List.of(LoraConfig.ALL_LINEAR), 1);
            GrpoConfig d = GrpoConfig.defaults();
            GrpoConfig grpo = new GrpoConfig(new GrpoConfig.Rollout(2, 4, 1.0f, 8, 10), d.algorithm(),
                    new GrpoConfig.Optimisation(2, 3e-4f, 1, 1, 10, 7));
            assertThat(grpo.algorithm().beta()).as("a KL term, so a reference is needed").isPositive();
            JobHandle h = Jobs.start(p, new GrpoJob(new GrpoJob.Config(null, List.of("exact"), 0.2, grpo, lora)),
                    RunListener.NONE);
            JobHandle.JobResult r = h.await();
            assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.DONE);
            ModelEntry policy = p.models().all().stream().filter(m -> m.kind() == ModelKind.POLICY).findFirst()
                    .orElseThrow();
            Path folder = dir.resolve(policy.path());
            assertThat(folder.resolve("model.safetensors")).doesNotExist();
            assertThat(new ObjectMapper().readTree(folder.resolve("adapter_config.json").toFile()).get("r").asInt())
                    .isEqualTo(4);
            assertThat(SafeTensors.read(Jobs.runDir(p, h.runId()).resolve("checkpoint/params.safetensors")).keySet())
                    .isNotEmpty().allMatch(n -> n.contains(".lora_"));
            assertThat(Files.readString(Jobs.runDir(p, h.runId()).resolve("log.txt"))).contains("trainable of");
            try (LanguageModel lm = LanguageModels.load(folder)) {
                assertThat(lm.tokenizer().encode("hello")).isNotEmpty();
            }
        }
    }

    @Test
    void anSftJobWithLoraSavesAPeftAdapterThatLoadsAsAModel() throws Exception {
        Path dir = SampleProjects.ensureSample(home);
        try (Project p = Project.open(dir)) {
            LoraConfig lora = new LoraConfig(4, 8f, 0f, false, List.of(LoraConfig.ALL_LINEAR), 1);
            JobHandle h = Jobs.start(p, new SftJob(new SftJob.Config(null, JobsTest.SMALL, lora)), RunListener.NONE);
            JobHandle.JobResult r = h.await();
            assertThat(r.status()).as(r.message()).isEqualTo(RunStatus.DONE);
            ModelEntry sft = p.models().all().stream().filter(m -> m.kind() == ModelKind.SFT).findFirst().orElseThrow();
            ModelEntry base = ModelPicker.pick(p, sft.parentId());
            Path folder = dir.resolve(sft.path());
            assertThat(folder.resolve("model.safetensors")).doesNotExist();
            JsonNode c = new ObjectMapper().readTree(folder.resolve("adapter_config.json").toFile());
            assertThat(c.get("base_model_name_or_path").asText()).isEqualTo(base.path());
            assertThat(c.get("r").asInt()).isEqualTo(4);
            assertThat(SafeTensors.read(Jobs.runDir(p, h.runId()).resolve("checkpoint/params.safetensors")).keySet())
                    .allMatch(n -> n.contains(".lora_"));
            assertThat(Files.readString(Jobs.runDir(p, h.runId()).resolve("config.json"))).contains("\"rank\" : 4");
            try (LanguageModel lm = LanguageModels.load(folder)) {
                assertThat(lm.tokenizer().encode("hello")).isNotEmpty();
            }
            assertThat(ModelCards.read(folder).family()).isEqualTo(ModelCards.read(dir.resolve(base.path())).family());
        }
    }
}
