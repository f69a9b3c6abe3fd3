package org.rlhfworkbench.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.BackgroundExecutor;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.run.RunQueue;
import org.rlhfworkbench.jobs.run.TrainJob;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;
import org.rlhfworkbench.ui.sft.SftView;
import org.rlhfworkbench.ui.sft.SftViewModel;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Start in a second training tab while the first tab's run trains: the tab explains what is
 * running and offers to queue; after Queue the run waits (queued in its runs list) and then
 * trains by itself once the first run ends. The first tab is a training tab whose job holds the
 * slot until the test releases it; the second is the real SFT tab with a one-epoch run.
 */
@ExtendWith(ApplicationExtension.class)
class QueueSecondRunFxTest {
    @TempDir
    static Path home;
    private static Path project;
    private static final CountDownLatch RELEASE = new CountDownLatch(1);

    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;
    private HoldingTab holding;
    private SftViewModel sft;
    private BorderPane holdingView;
    private SftView sftView;
    private TabPane tabs;

    /** A job that trains until the test releases it. */
    static final class Holding implements TrainJob {
        public String kind() {
            return "hold";
        }

        public Object config() {
            return Map.of();
        }

        public long seed() {
            return 1;
        }

        public void prepare(Project p) {
        }

        public StepLoop.Outcome train(RunContext ctx, boolean resume) throws InterruptedException {
            ctx.log("holding the slot");
            RELEASE.await(120, TimeUnit.SECONDS);
            return StepLoop.Outcome.DONE;
        }

        public String finish(Project p, long runId) {
            return "released";
        }

        public void close() {
        }
    }

    /** The smallest training tab: a settings form with nothing in it and the job above. */
    static final class HoldingTab extends TrainingTabModel {
        HoldingTab(BackgroundExecutor executor, ProjectService projects) {
            super(executor, projects, "hold", new DashboardSpec(List.of(ChartSpec.of("Loss", "loss")), "loss",
                    "Loss"));
        }

        @Override
        protected TrainJob newJob() {
            return new Holding();
        }

        @Override
        protected TrainJob rebuild(RunRecord run, JsonNode config) {
            return new Holding();
        }
    }

    @BeforeAll
    static void sample() {
        project = SampleProjects.ensureSample(home);
    }

    @Start
    void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = new ProjectService(home);
        service.open(project);
        holding = new HoldingTab(executor, service);
        holdingView = new BorderPane();
        holdingView.setLeft(TrainingSidebar.of(holding, "Hold", "Holds the slot").controls());
        holdingView.setCenter(new RunDashboard(holding.runner()));
        sft = new SftViewModel(executor, service);
        sft.epochsProperty().set(1);
        sftView = new SftView(sft);
        tabs = new TabPane(new Tab("Hold", holdingView), new Tab("SFT", sftView));
        stage.setScene(new Scene(tabs, 1300, 850));
        stage.show();
        holding.projectChanged();
        sft.projectChanged();
    }

    @AfterEach
    void tearDown() throws Exception {
        RELEASE.countDown();
        RunQueue.process().cancelAll();
        org.rlhfworkbench.jobs.run.TrainingSlot.awaitIdle(java.time.Duration.ofSeconds(120));
        executor.shutdown();
        service.close();
    }

    @Test
    void startWhileAnotherTabTrainsOffersToQueueAndTheQueuedRunThenTrains() throws Exception {
        onFx(() -> {
            ((Button) holdingView.lookup("#startRun")).fire();
            return null;
        });
        waitUntil(30, () -> read(() -> holding.runner().statusProperty().get() == RunStatus.RUNNING));
        long holdingRun = onFx(() -> holding.runner().runId());

        onFx(() -> {
            tabs.getSelectionModel().select(1);
            return null;
        });
        Platform.runLater(() -> ((Button) sftView.lookup("#startRun")).fire());  // opens the dialog: do not wait on it
        waitUntil(20, () -> read(() -> prompt().isPresent()));
        DialogPane dialog = onFx(() -> prompt().orElseThrow());
        assertThat(onFx(dialog::getContentText)).contains("run " + holdingRun + " (hold) in ")
                .contains("is training").contains("Queue this sft run?");
        assertThat(onFx(() -> dialog.getButtonTypes().stream().map(ButtonType::getText).toList()))
                .containsExactly("Queue", "Cancel");
        ButtonType queue = dialog.getButtonTypes().get(0);
        Platform.runLater(() -> ((Button) dialog.lookupButton(queue)).fire());

        waitUntil(20, () -> read(() -> sft.runner().statusProperty().get() == RunStatus.QUEUED));
        long queuedRun = onFx(() -> sft.runner().runId());
        assertThat(queuedRun).isGreaterThan(holdingRun);
        assertThat(onFx(() -> sft.runner().library().statusLineProperty().get()))
                .startsWith("run " + queuedRun + " queued").contains("run " + holdingRun + " (hold)");
        waitUntil(20, () -> read(() -> sft.runner().library().runs().stream()
                .anyMatch(r -> r.id() == queuedRun && r.status() == RunStatus.QUEUED)));
        assertThat(onFx(() -> sftView.lookup("#startRun").isDisabled())).isTrue();
        assertThat(onFx(() -> sftView.lookup("#cancelRun").isDisabled())).isFalse();  // Cancel takes it out
        assertThat(RunQueue.process().pending()).extracting(RunQueue.Queued::runId).containsExactly(queuedRun);

        RELEASE.countDown();
        waitUntil(30, () -> read(() -> holding.runner().statusProperty().get() == RunStatus.DONE));
        waitUntil(180, () -> read(() -> sft.runner().statusProperty().get() == RunStatus.DONE));
        assertThat(onFx(() -> sft.runner().runId())).isEqualTo(queuedRun);
        assertThat(onFx(() -> sft.runner().dashboard().points().stream().anyMatch(p -> p.name().equals("loss"))))
                .isTrue();
        assertThat(service.project().runs().get(queuedRun).status()).isEqualTo(RunStatus.DONE);
        assertThat(service.project().runs().all()).noneMatch(r -> r.status() == RunStatus.FAILED);
    }

    private static Optional<DialogPane> prompt() {
        return Window.getWindows().stream().filter(Window::isShowing).map(w -> w.getScene().getRoot())
                .filter(r -> r instanceof DialogPane && "runPrompt".equals(r.getId())).map(r -> (DialogPane) r)
                .findFirst();
    }

    private static <T> T onFx(Callable<T> read) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    private static boolean read(Callable<Boolean> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void waitUntil(int seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
