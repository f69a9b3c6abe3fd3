package org.rlhfworkbench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.jobs.NewProjectService.DataFile;
import org.rlhfworkbench.jobs.NewProjectService.ModelSource;
import org.rlhfworkbench.jobs.NewProjectService.Plan;
import org.rlhfworkbench.jobs.label.LabelConfig;
import org.rlhfworkbench.jobs.label.PolicyModel;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.store.Project;

/** The new-project guide's job: the whole project in one go, or nothing at all. */
class NewProjectServiceTest {
    @TempDir
    Path tmp;
    private final NewProjectService service = new NewProjectService();
    private final List<Double> fractions = new ArrayList<>();

    private Path prompts(String... lines) throws IOException {
        Path f = tmp.resolve("prompts-" + lines.length + ".jsonl");
        Files.write(f, List.of(lines));
        return f;
    }

    private Plan plan(Path dir, ModelSource source, Path model, Path promptsFile, DataFile extra) {
        return new Plan(dir, "My project", source, model, new DataFile(promptsFile, ImportFormat.PROMPTS, false), extra,
                PromptFormat.PLAIN, "Q: {prompt}\nA:", 3, "Rank the *kind* answers first.");
    }

    @Test
    void theBundledModelAPromptsFileAndTheSettingsMakeAProjectReadyToLabel() throws Exception {
        Path sft = tmp.resolve("sft.jsonl");
        Files.writeString(sft, "{\"prompt\": \"Say hi\", \"completion\": \"Hi!\"}\n");
        Path dir = tmp.resolve("parent").resolve("mine");
        Files.createDirectories(dir.getParent());

        Path made = service.create(plan(dir, ModelSource.BUNDLED, null,
                prompts("{\"prompt\": \"What is 2+2?\"}", "{\"prompt\": \"Name a colour.\"}"),
                new DataFile(sft, ImportFormat.SFT, false)), (step, f) -> fractions.add(f));

        assertThat(made).isEqualTo(dir.toAbsolutePath().normalize());
        try (Project p = Project.open(made)) {
            assertThat(p.name()).isEqualTo("My project");
            assertThat(p.prompts().all()).extracting(pr -> pr.text()).containsExactly("What is 2+2?", "Name a colour.", "Say hi");
            assertThat(p.demonstrations().count()).isEqualTo(1);
            assertThat(p.models().all()).singleElement().satisfies(m -> assertThat(m.kind()).isEqualTo(ModelKind.BASE));
            assertThat(PolicyModel.of(p).folder()).isEqualTo(made.resolve(SampleProjects.BASE_MODEL_PATH));
            assertThat(Files.isRegularFile(made.resolve(SampleProjects.BASE_MODEL_PATH).resolve("model.safetensors"))).isTrue();
            assertThat(p.meta().get(PromptFormat.META_FORMAT)).isEqualTo("plain");
            assertThat(p.meta().get(PromptFormat.META_TEMPLATE)).isEqualTo("Q: {prompt}\nA:");
            assertThat(LabelConfig.k(p)).isEqualTo(3);
            assertThat(LabelConfig.settings(p).guidelinesMarkdown()).isEqualTo("Rank the *kind* answers first.");
        }
        assertThat(siblings(dir.getParent())).containsExactly("mine");
        assertThat(fractions).isSorted().last().isEqualTo(1.0);
    }

    @Test
    void aFailingImportLeavesNothingBehind() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("parent"));
        Path bad = prompts("{\"prompt\": \"fine\"}", "not json at all");

        assertThatThrownBy(() -> service.create(plan(parent.resolve("mine"), ModelSource.BUNDLED, null, bad, null),
                (s, f) -> { })).hasMessageContaining("prompts-2.jsonl:2");

        assertThat(siblings(parent)).isEmpty();
    }

    @Test
    void anEmptyFolderChosenAsTheProjectIsFilledAndOnFailureLeftEmpty() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("parent").resolve("empty"));
        assertThat(NewProjectService.folderProblem(dir.getParent(), "empty")).isNull();

        assertThatThrownBy(() -> service.create(plan(dir, ModelSource.BUNDLED, null, prompts("][", "{}"), null),
                (s, f) -> { })).isInstanceOf(RuntimeException.class);
        assertThat(siblings(dir.getParent())).containsExactly("empty");
        assertThat(siblings(dir)).isEmpty();

        service.create(plan(dir, ModelSource.BUNDLED, null, prompts("{\"prompt\": \"ok\"}"), null), (s, f) -> { });
        assertThat(Project.isProject(dir)).isTrue();
    }

    @Test
    void aModelFolderThatDoesNotLoadIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path broken = Files.createDirectories(tmp.resolve("broken-model"));
        Files.writeString(broken.resolve("config.json"), "{\"model_type\": \"gpt2\"}");

        assertThatThrownBy(() -> service.checkModel(broken)).hasMessageContaining("cannot import " + broken);
        Path parent = Files.createDirectories(tmp.resolve("parent"));
        assertThatThrownBy(() -> service.create(plan(parent.resolve("mine"), ModelSource.COPY, broken,
                prompts("{\"prompt\": \"ok\"}"), null), (s, f) -> { })).hasMessageContaining("cannot import");
        assertThat(siblings(parent)).isEmpty();
    }

    @Test
    void aLinkedModelStaysWhereItIsAndTheChatTemplateIsSeen() throws Exception {
        Path model = copyBundledModel(tmp.resolve("hf-model"), true);
        NewProjectService.ModelCheck check = service.checkModel(model);
        assertThat(check.chatTemplate()).isTrue();
        assertThat(check.summary()).startsWith("gpt2");
        assertThat(service.checkModel(copyBundledModel(tmp.resolve("plain-model"), false)).chatTemplate()).isFalse();
        assertThat(NewProjectService.bundledModel().chatTemplate()).isFalse();

        Path dir = tmp.resolve("parent").resolve("linked");
        Files.createDirectories(dir.getParent());
        service.create(new Plan(dir, "linked", ModelSource.LINK, model, new DataFile(prompts("{\"prompt\": \"ok\"}"),
                ImportFormat.PROMPTS, false), null, PromptFormat.CHAT, null, 4, ""), (s, f) -> { });
        try (Project p = Project.open(dir)) {
            Path folder = PolicyModel.of(p).folder();
            assertThat(Files.isSymbolicLink(folder)).isTrue();
            assertThat(folder.toRealPath()).isEqualTo(model.toRealPath());
            assertThat(p.meta().get(PromptFormat.META_FORMAT)).isEqualTo("chat");
            assertThat(p.meta().get(LabelConfig.META_GUIDELINES)).isNull();  // blank: the default guidelines
        }
    }

    @Test
    void theFolderAndNameAreCheckedWithOneLineEach() throws Exception {
        Path parent = Files.createDirectories(tmp.resolve("parent"));
        Files.writeString(Files.createDirectories(parent.resolve("taken")).resolve("x.txt"), "x");
        assertThat(NewProjectService.folderProblem(null, "a")).startsWith("Choose the folder");
        assertThat(NewProjectService.folderProblem(parent, " ")).isEqualTo("Give the project a name.");
        assertThat(NewProjectService.folderProblem(parent, "a/b")).contains("no slashes");
        assertThat(NewProjectService.folderProblem(parent, ".hidden")).contains("cannot start with a dot");
        assertThat(NewProjectService.folderProblem(parent, "taken")).endsWith("already exists and is not empty.");
        assertThat(NewProjectService.folderProblem(parent.resolve("missing"), "a")).endsWith("is not a folder.");
        assertThat(NewProjectService.folderProblem(parent, "fresh")).isNull();
    }

    /** The bundled model written to a folder as a user would have it, with or without a chat template. */
    static Path copyBundledModel(Path folder, boolean chatTemplate) throws IOException {
        Path scratch = Files.createTempDirectory(folder.getParent(), "scratch-");
        try (Project p = Project.create(scratch.resolve("p"))) {
            SampleProjects.installBaseModel(p);
        }
        Path from = scratch.resolve("p").resolve(SampleProjects.BASE_MODEL_PATH);
        Files.createDirectories(folder);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        if (chatTemplate) {
            Path config = folder.resolve("tokenizer_config.json");
            String text = Files.readString(config).strip();
            Files.writeString(config, text.substring(0, text.length() - 1) + ", \"chat_template\": \"{% for m in messages %}"
                    + "{{ m['role'] }}: {{ m['content'] }}\\n{% endfor %}assistant:\"}");
        }
        return folder;
    }

    private static List<String> siblings(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
