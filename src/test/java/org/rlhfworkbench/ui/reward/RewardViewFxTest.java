package org.rlhfworkbench.ui.reward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.reward.RewardFixtures;
import org.rlhfworkbench.store.Project;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The reward view's inspection tab on a project with a reward model and noisy labels: table, histogram, scoring. */
@ExtendWith(ApplicationExtension.class)
class RewardViewFxTest {
    @TempDir
    static Path home;
    private static Path project;

    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;
    private RewardViewModel viewModel;
    private RewardView view;

    @BeforeAll
    static void trained() throws Exception {
        project = RewardFixtures.rankedSample(home, 60);
        try (Project p = Project.open(project)) {
            RewardFixtures.trainRewardModel(p);
        }
    }

    @Start
    void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = new ProjectService(home);
        service.open(project);
        viewModel = new RewardViewModel(executor, service);
        view = new RewardView(viewModel);
        stage.setScene(new Scene(view, 1200, 780));
        stage.show();
        viewModel.projectChanged();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
        service.close();
    }

    @Test
    void inspectingShowsHeldOutRowsTheHistogramAndScoresTypedText() throws Exception {
        waitUntil(() -> read(() -> viewModel.inspection().rewardModels().size() == 2));
        onFx(() -> {
            ((TabPane) view.lookup("#rewardTabs")).getSelectionModel().select(1);
            ((Button) view.lookup("#inspectButton")).fire();
            return null;
        });
        waitUntil(() -> read(() -> viewModel.inspection().loadedProperty().get()));

        assertThat(onFx(() -> ((TreeTableView<?>) view.lookup("#inspectionTable")).getRoot().getChildren().size()))
                .isEqualTo(viewModel.inspection().prompts().size()).isPositive();
        assertThat(onFx(() -> ((BarChart<?, ?>) view.lookup("#marginHistogram")).getData().get(0).getData().size()))
                .isEqualTo(InspectionViewModel.HISTOGRAM_BINS);
        assertThat(viewModel.inspection().accuracy().get(0).value()).isLessThan(1.0);
        assertThat(onFx(this::highlightedRows)).isPositive();

        onFx(() -> {
            viewModel.inspection().scoreTextProperty().set("It is 4.");
            ((Button) view.lookup("#scoreButton")).fire();
            return null;
        });
        waitUntil(() -> read(() -> ((Label) view.lookup("#scoreResult")).getText().startsWith("r = ")));
    }

    /** Counts highlighted rows, checking that exactly the response rows in a misordered pair are highlighted. */
    private int highlightedRows() {
        int highlighted = 0;
        for (Node n : view.lookupAll(".tree-table-row-cell")) {
            TreeTableRow<?> row = (TreeTableRow<?>) n;
            boolean on = row.getPseudoClassStates().contains(PseudoClass.getPseudoClass("contradicted"));
            InspectionRow item = (InspectionRow) row.getItem();
            assertThat(on).isEqualTo(item != null && item.contradicted() && !item.promptRow());
            highlighted += on ? 1 : 0;
        }
        return highlighted;
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

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
