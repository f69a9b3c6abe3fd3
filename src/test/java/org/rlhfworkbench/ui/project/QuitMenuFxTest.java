package org.rlhfworkbench.ui.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SameThreadBackgroundExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** File > Quit asks the window's close guard (which asks while a run trains) instead of exiting at once. */
@ExtendWith(ApplicationExtension.class)
class QuitMenuFxTest {
    @TempDir
    Path home;
    private ProjectService service;
    private Stage stage;
    private Scene scene;
    private final AtomicInteger asked = new AtomicInteger();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        service = new ProjectService(home);
        scene = new Scene(new MainView(new MainViewModel(new SameThreadBackgroundExecutor(), service)), 800, 600);
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            asked.incrementAndGet();
            e.consume();  // "Keep training"
        });
        stage.show();
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    @Test
    void quitGoesThroughTheCloseGuardAndAKeptWindowStaysOpen() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            MenuBar bar = (MenuBar) scene.lookup("#menuBar");
            MenuItem quit = bar.getMenus().get(0).getItems().stream().filter(i -> "Quit".equals(i.getText()))
                    .findFirst().orElseThrow();
            quit.fire();
            return null;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(asked.get()).isEqualTo(1);
        assertThat(WaitForAsyncUtils.asyncFx(stage::isShowing).get(10, TimeUnit.SECONDS)).isTrue();
    }
}
