package org.rlhfworkbench.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.run.JobHandle;
import org.rlhfworkbench.jobs.run.Jobs;
import org.rlhfworkbench.jobs.run.RunListener;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.jobs.run.TrainingSlot;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;
import org.rlhfworkbench.ui.sft.SftViewModel;

/** The Models screen on the sample project: add (linked or copied, checked first), rename, delete, export. */
class ModelsViewModelTest {
    @TempDir
    Path home;
    @TempDir
    Path outside;
    private ProjectService service;
    private ModelsViewModel vm;
    private SftViewModel sft;
    private Path base;

    @BeforeEach
    void open() throws Exception {
        assertThat(TrainingSlot.awaitIdle(Duration.ofSeconds(120))).isTrue();
        service = new ProjectService(home);
        SameThreadBackgroundExecutor executor = new SameThreadBackgroundExecutor();
        vm = new ModelsViewModel(executor, service);
        sft = new SftViewModel(executor, service);
        service.open(SampleProjects.ensureSample(home));
        vm.refresh();
        sft.projectChanged();
        base = outside.resolve("my-base");
        Path sampleBase = service.project().dir().resolve(service.project().models().all().get(0).path());
        Files.createDirectories(base);
        try (var files = Files.list(sampleBase)) {
            for (Path f : files.toList()) {
                Files.copy(f, base.resolve(f.getFileName()));
            }
        }
    }

    @AfterEach
    void close() {
        service.close();
    }

    @Test
    void theTableShowsFactsOfEachModel() {
        assertThat(vm.rows()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("base");
            assertThat(r.family()).isNotBlank().isNotEqualTo("unreadable");
            assertThat(r.parameters()).matches("[0-9.]+[KMB]");
            assertThat(r.dtype()).isNotBlank();
            assertThat(r.chatTemplate()).isIn("yes", "no");
        });
    }

    @Test
    void aLinkedFolderIsAddedWithoutCopyingAndReachesThePickers() throws Exception {
        vm.linkProperty().set(true);
        vm.addKindProperty().set(ModelKind.SFT);

        vm.add(base);

        assertThat(vm.errorProperty().get()).as(vm.statusLineProperty().get()).isFalse();
        assertThat(vm.rows()).hasSize(2);
        ModelRowView added = vm.rows().get(1);
        assertThat(added.name()).isEqualTo("my-base");
        assertThat(added.kind()).isEqualTo("sft");
        assertThat(added.where()).isEqualTo("linked: models/linked-my-base");
        Path link = service.project().dir().resolve("models/linked-my-base");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(base.toAbsolutePath().normalize());
        assertThat(added.family()).isEqualTo(vm.rows().get(0).family());
        assertThat(sft.models()).anyMatch(c -> c.label().contains("my-base"));
        assertThat(vm.progressProperty().get()).isEqualTo(1.0);

        vm.delete(added.id());
        assertThat(vm.rows()).hasSize(1);
        assertThat(link).doesNotExist();
        assertThat(base.resolve("config.json")).isRegularFile();  // the original stays
    }

    @Test
    void aCopiedFolderLandsInsideTheProjectAndExportsAsAHuggingFaceFolder() throws Exception {
        vm.linkProperty().set(false);
        vm.add(base);
        ModelRowView added = vm.rows().get(1);
        Path copy = service.project().dir().resolve("models/imported-my-base");
        assertThat(Files.isSymbolicLink(copy)).isFalse();
        assertThat(copy.resolve("model.safetensors")).hasSameBinaryContentAs(base.resolve("model.safetensors"));

        vm.rename(added.id(), "renamed base");
        assertThat(vm.rows().get(1).name()).isEqualTo("renamed base");

        Path out = outside.resolve("exported");
        vm.export(added.id(), out);
        assertThat(vm.errorProperty().get()).as(vm.statusLineProperty().get()).isFalse();
        assertThat(out.resolve("config.json")).hasSameTextualContentAs(base.resolve("config.json"));
        assertThat(out.resolve("tokenizer.json")).isRegularFile();
        vm.export(added.id(), out);
        assertThat(vm.statusLineProperty().get()).contains("not empty");
    }

    @Test
    void aBrokenFolderIsRefusedNamingTheFileAndNothingIsWritten() throws Exception {
        Files.writeString(base.resolve("config.json"), "{ not json");
        vm.linkProperty().set(false);

        vm.add(base);

        assertThat(vm.errorProperty().get()).isTrue();
        assertThat(vm.statusLineProperty().get()).contains("config.json");
        assertThat(vm.rows()).hasSize(1);
        try (var entries = Files.list(service.project().dir().resolve("models"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("my-base"));
        }
    }

    @Test
    void deleteIsRefusedWhileARunTrainsAndForAModelOthersDependOn() throws Exception {
        vm.add(base);
        long added = vm.rows().get(1).id();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        JobHandle h = Jobs.start(service.project(), new Waiting(started, release), RunListener.NONE);
        started.await(30, TimeUnit.SECONDS);

        vm.delete(added);
        assertThat(vm.statusLineProperty().get()).contains("while run " + h.runId(), "is training");
        assertThat(vm.rows()).hasSize(2);
        release.countDown();
        h.await();

        service.project().models().add("child", ModelKind.SFT, added, "models/none", null);
        vm.delete(added);
        assertThat(vm.statusLineProperty().get()).contains("refer to it");
    }

    private record Waiting(CountDownLatch started, CountDownLatch release) implements TrainJob {
        public String kind() {
            return "sft";
        }

        public Object config() {
            return java.util.Map.of();
        }

        public long seed() {
            return 1;
        }

        public void prepare(Project project) {
        }

        public StepLoop.Outcome train(RunContext ctx, boolean resume) throws InterruptedException {
            started.countDown();
            release.await(30, TimeUnit.SECONDS);
            return StepLoop.Outcome.CANCELLED;
        }

        public String finish(Project project, long runId) {
            return "";
        }

        public void close() {
        }
    }
}
