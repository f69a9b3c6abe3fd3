package org.rlhfworkbench.jobs.label;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.sample.PretrainingCorpus;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.formats.Importer;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.io.Gpt2Config;
import org.rlhfworkbench.lm.family.ModelFamilies;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.tokenizer.BpeModel;
import org.rlhfworkbench.lm.tokenizer.BpeTrainer;
import org.rlhfworkbench.store.Project;

/**
 * Projects for labeling tests: the bundled sample (its 200 prompts) with a policy model. When the
 * sample's pretrained base model is on the classpath this is exactly {@link SampleProjects#ensureSample};
 * until then the same prompts get a tiny random GPT-2 (BPE tokenizer trained here) as policy.
 */
public final class LabelFixtures {
    private LabelFixtures() {
    }

    /** True when the sample's base model is bundled (set -Drlhf.test.tinyPolicy=true to test with the tiny random one). */
    public static boolean bundledModelPresent() {
        return !Boolean.getBoolean("rlhf.test.tinyPolicy") && LabelFixtures.class.getResource(SampleProjects.RESOURCE_DIR + SampleProjects.BASE_MODEL_PATH
                + "/model.safetensors") != null;
    }

    /** A closed sample project with a policy model, under {@code tmp}. */
    public static Path sampleProject(Path tmp) {
        if (bundledModelPresent()) {
            return SampleProjects.ensureSample(tmp.resolve("home"));
        }
        Path dir = tmp.resolve("sample");
        try (Project p = Project.create(dir)) {
            importResource(p, "prompts.jsonl", ImportFormat.PROMPTS);
            importResource(p, "sft.jsonl", ImportFormat.SFT);
            p.meta().put(SampleProjects.META_SAMPLE, SampleProjects.SAMPLE_ID);
            p.meta().put(SampleProjects.META_ANNOTATOR_NOTE, SampleProjects.ANNOTATOR_NOTE);
            tinyModel(dir.resolve(SampleProjects.BASE_MODEL_PATH));
            long id = p.models().add("tiny random gpt2", ModelKind.BASE, null, SampleProjects.BASE_MODEL_PATH, null);
            p.meta().put(SampleProjects.META_POLICY_MODEL, Long.toString(id));
        }
        return dir;
    }

    /** A random 2-layer GPT-2 with a 300-token BPE trained on sample dialogues: fast, and its text is noise. */
    public static void tinyModel(Path folder) {
        BpeModel bpe = BpeTrainer.train(PretrainingCorpus.text(300, 1), 300, List.of(BpeTrainer.END_OF_TEXT));
        try {
            Files.createDirectories(folder);
            bpe.save(folder, 128);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int eos = bpe.specialId(BpeTrainer.END_OF_TEXT);
        Gpt2Config config = Gpt2Config.of(bpe.vocabSize(), 128, 32, 2, 2, eos, eos);
        try (CausalLm model = ModelFamilies.random(config, NDManager.newBaseManager(), 1)) {
            LanguageModels.save(model, config, folder, null);
        }
    }

    /** Copies a closed project folder (tests share one built project and each works on its copy). */
    public static Path copy(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("project.lock")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    private static void importResource(Project p, String file, ImportFormat format) {
        try (InputStream in = LabelFixtures.class.getResourceAsStream(SampleProjects.RESOURCE_DIR + file)) {
            Importer.importStream(p, file, in, format, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
