package org.rlhfworkbench.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.ui.charts.ScreenShots;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Models tab on the sample project: the table fills from the project, actions need a selection. */
@ExtendWith(ApplicationExtension.class)
class ModelsViewFxTest {
    @TempDir
    Path home;
    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;
    private ModelsViewModel vm;
    private Scene scene;

    @Start
    void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = new ProjectService(home);
        vm = new ModelsViewModel(executor, service);
        service.open(SampleProjects.ensureSample(home));
        scene = new Scene(new ModelsView(vm), 1200, 500);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
        service.close();
    }

    @Test
    void theTableShowsTheSampleModelAndTheActionsWaitForASelection() throws Exception {
        @SuppressWarnings("unchecked")
        TableView<ModelRowView> table = onFx(() -> (TableView<ModelRowView>) scene.lookup("#modelsTable"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> read(() -> table.getItems().size() == 1));
        assertThat(onFx(() -> ((Button) scene.lookup("#deleteModel")).isDisabled())).isTrue();
        onFx(() -> {
            table.getSelectionModel().select(0);
            return null;
        });
        assertThat(onFx(() -> ((Button) scene.lookup("#deleteModel")).isDisabled())).isFalse();
        assertThat(onFx(() -> table.getItems().get(0).kind())).isEqualTo("base");
        ScreenShots.save(scene, Path.of("target/screenshots/models-view.png"));
    }

    static <T> T onFx(Callable<T> read) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    static boolean read(Callable<Boolean> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
