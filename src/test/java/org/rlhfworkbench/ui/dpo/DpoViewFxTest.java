package org.rlhfworkbench.ui.dpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.ui.ppo.PpoFixture;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The DPO view on the prepared sample: Start on a two-round online run fills the charts and the round table. */
@ExtendWith(ApplicationExtension.class)
class DpoViewFxTest {
    @TempDir
    static Path home;
    private static Path project;

    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;
    private DpoViewModel viewModel;
    private DpoView view;

    @BeforeAll
    static void prepare() {
        project = PpoFixture.project(home);
    }

    @Start
    void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = new ProjectService(home);
        service.open(project);
        viewModel = new DpoViewModel(executor, service);
        viewModel.runner().setPrompter(org.rlhfworkbench.ui.charts.Prompter.YES);  // tiny fixture RM: weak
        view = new DpoView(viewModel);
        stage.setScene(new Scene(view, 1260, 790));
        stage.show();
        viewModel.projectChanged();
    }

    @AfterEach
    void tearDown() throws Exception {
        onFx(() -> {
            viewModel.runner().cancel();
            return null;
        });
        waitUntil(60, () -> read(() -> !viewModel.runner().activeProperty().get()));
        executor.shutdown();
        service.close();
    }

    @Test
    void startingAnOnlineRunFillsTheChartsAndOneTableRowPerRound() throws Exception {
        assertThat(onFx(() -> table().getItems().size())).isZero();
        onFx(() -> {
            DpoSettings s = viewModel.settings();
            s.online().set(true);
            s.iterations().set(2);
            s.prompts().set(3);
            s.k().set(3);
            s.epochs().set(1);
            ((Button) view.lookup("#startRun")).fire();
            return null;
        });
        waitUntil(180, () -> read(() -> viewModel.runner().statusProperty().get() == RunStatus.DONE
                || viewModel.runner().statusProperty().get() == RunStatus.FAILED));
        assertThat(onFx(() -> viewModel.runner().statusProperty().get()))
                .as(onFx(() -> viewModel.runner().library().statusLineProperty().get())).isEqualTo(RunStatus.DONE);
        waitUntil(20, () -> read(() -> table().getItems().size() == 2));
        assertThat(onFx(() -> points("#chart-loss"))).isPositive();
        assertThat(onFx(() -> points("#chart-reward-margin"))).isPositive();
        assertThat(onFx(() -> points("#chart-sequence-log-probs-watch-the-chosen-one-fall-"))).isPositive();
        assertThat(onFx(() -> table().getItems().get(1).iteration())).isEqualTo(2);
    }

    @SuppressWarnings("unchecked")
    private TableView<IterationRow> table() {
        return (TableView<IterationRow>) view.lookup("#dpoRoundTable");
    }

    private int points(String id) {
        LineChart<?, ?> chart = (LineChart<?, ?>) view.lookup(id);
        assertThat(chart).as(id).isNotNull();
        return chart.getData().stream().mapToInt(s -> s.getData().size()).sum();
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
