package org.rlhfworkbench.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.jobs.NewProjectService.ModelSource;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.label.PromptFormat;
import org.rlhfworkbench.store.Project;

/** The guide's rules with the same-thread executor: one reason per incomplete step, chat only with a template. */
class NewProjectGuideViewModelTest {
    @TempDir
    Path tmp;
    private ProjectService projects;
    private NewProjectGuideViewModel vm;
    private final List<Path> created = new ArrayList<>();

    @BeforeEach
    void setUp() {
        projects = new ProjectService(tmp.resolve("home"));
        vm = new NewProjectGuideViewModel(new SameThreadBackgroundExecutor(), projects);
        vm.setOnCreated(created::add);
    }

    @AfterEach
    void tearDown() {
        projects.close();
    }

    private Path file(String name, String... lines) throws IOException {
        Path f = tmp.resolve(name);
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void theFolderStepWaitsForAUsableFolderAndName() throws Exception {
        assertThat(vm.reasonBinding().get()).startsWith("Choose the folder");
        assertThat(vm.canNextBinding().get()).isFalse();
        vm.parentProperty().set(tmp);
        assertThat(vm.reasonBinding().get()).isEqualTo("Give the project a name.");
        Files.writeString(Files.createDirectories(tmp.resolve("taken")).resolve("f"), "x");
        vm.nameProperty().set("taken");
        assertThat(vm.reasonBinding().get()).endsWith("already exists and is not empty.");
        vm.nameProperty().set("mine");
        assertThat(vm.reasonBinding().get()).isEmpty();
        assertThat(vm.targetBinding().get()).endsWith(tmp.resolve("mine").toString());

        vm.next();
        assertThat(vm.stepProperty().get()).isEqualTo(1);
        vm.back();
        assertThat(vm.stepProperty().get()).isZero();
    }

    @Test
    void aModelFolderIsCheckedWhenChosenAndChatIsOfferedOnlyWithATemplate() throws Exception {
        toStep(1);
        assertThat(vm.reasonBinding().get()).isEmpty();  // the bundled model by default
        assertThat(vm.chatAvailableBinding().get()).isFalse();

        vm.modelSourceProperty().set(ModelSource.LINK);
        assertThat(vm.reasonBinding().get()).startsWith("Choose a Hugging Face model folder");
        Path broken = Files.createDirectories(tmp.resolve("broken"));
        vm.modelFolderProperty().set(broken);
        assertThat(vm.reasonBinding().get()).startsWith("cannot import " + broken);
        assertThat(vm.canNextBinding().get()).isFalse();

        vm.modelFolderProperty().set(org.rlhfworkbench.jobs.NewProjectServiceTestAccess.bundledCopy(tmp.resolve("hf"), true));
        assertThat(vm.reasonBinding().get()).isEmpty();
        assertThat(vm.modelStatusProperty().get()).startsWith("Loads: gpt2");
        assertThat(vm.chatAvailableBinding().get()).isTrue();
        assertThat(vm.promptFormatProperty().get()).isEqualTo(PromptFormat.CHAT);

        vm.modelSourceProperty().set(ModelSource.BUNDLED);
        assertThat(vm.chatAvailableBinding().get()).isFalse();
        assertThat(vm.promptFormatProperty().get()).isEqualTo(PromptFormat.PLAIN);
    }

    @Test
    void theDataStepNeedsGoodPromptsAndBadLinesSkippedOrFixed() throws Exception {
        toStep(2);
        assertThat(vm.reasonBinding().get()).startsWith("Choose a prompts file");
        vm.prompts().fileProperty().set(file("p.jsonl", "{\"prompt\": \"one\"}", "oops", "{\"prompt\": \"two\"}"));
        assertThat(vm.reasonBinding().get()).isEqualTo("The prompts file has 1 bad line: tick \"Skip bad lines\" or fix the file.");
        vm.prompts().skipBadProperty().set(true);
        assertThat(vm.reasonBinding().get()).isEmpty();
        assertThat(vm.prompts().goodProperty().get()).isEqualTo(2);

        vm.extra().formatProperty().set(ImportFormat.SFT);
        vm.extra().fileProperty().set(file("empty.jsonl", ""));
        assertThat(vm.reasonBinding().get()).startsWith("The second file has no good lines");
        vm.extra().fileProperty().set(null);
        assertThat(vm.canNextBinding().get()).isTrue();
    }

    @Test
    void theFormatAndLabelingStepsCheckTheTemplateAndK() throws Exception {
        toStep(3);
        assertThat(vm.plainTemplateProperty().get()).isEqualTo("User: {prompt}\\nAssistant:");
        vm.plainTemplateProperty().set("no placeholder");
        assertThat(vm.reasonBinding().get()).contains("{prompt}");
        vm.promptFormatProperty().set(PromptFormat.CHAT);
        assertThat(vm.reasonBinding().get()).isEqualTo("The base model has no chat template: use the plain format.");
        vm.promptFormatProperty().set(PromptFormat.PLAIN);
        vm.plainTemplateProperty().set("Q: {prompt}\\nA:");
        vm.next();
        vm.kProperty().set(12);
        assertThat(vm.reasonBinding().get()).startsWith("K (answers per prompt) must be 2 to 9");
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.kProperty().set(2);
        assertThat(vm.canCreateBinding().get()).isTrue();
        assertThat(vm.plan().plainTemplate()).isEqualTo("Q: {prompt}\nA:");
    }

    @Test
    void createMakesTheProjectAndHandsOverItsFolder() throws Exception {
        toStep(4);
        vm.create();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(created).containsExactly(tmp.resolve("parent").resolve("mine").toAbsolutePath().normalize());
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);
        try (Project p = Project.open(created.get(0))) {
            assertThat(p.prompts().count()).isEqualTo(2);
            assertThat(p.models().all()).singleElement().satisfies(m -> assertThat(m.path()).isEqualTo(SampleProjects.BASE_MODEL_PATH));
        }
    }

    @Test
    void aFailedCreateSaysWhyAndLeavesNothing() throws Exception {
        toStep(4);
        Files.writeString(vm.prompts().fileProperty().get(), "changed since the preview\n");  // now a bad line
        vm.create();
        assertThat(created).isEmpty();
        assertThat(vm.errorProperty().get()).startsWith("Nothing was created: ").contains("p.jsonl:1");
        assertThat(vm.creatingProperty().get()).isFalse();
        try (Stream<Path> s = Files.list(tmp.resolve("parent"))) {
            assertThat(s.toList()).isEmpty();
        }
    }

    /** Fills the steps before {@code step} with valid answers (bundled model, a two-prompt file) and moves there. */
    private void toStep(int step) throws IOException {
        vm.parentProperty().set(Files.createDirectories(tmp.resolve("parent")));
        vm.nameProperty().set("mine");
        for (int i = 0; i < step; i++) {
            if (i == 2 && vm.prompts().fileProperty().get() == null) {
                vm.prompts().fileProperty().set(file("p.jsonl", "{\"prompt\": \"one\"}", "{\"prompt\": \"two\"}"));
            }
            assertThat(vm.reasonBinding().get()).as("step " + i).isEmpty();
            vm.next();
        }
        assertThat(vm.stepProperty().get()).isEqualTo(step);
    }
}
