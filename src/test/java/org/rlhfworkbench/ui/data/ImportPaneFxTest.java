package org.rlhfworkbench.ui.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.ui.project.MainViewModel;
import org.rlhfworkbench.ui.project.ProjectCount;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The import window: a file with two bad lines is previewed and reported, nothing is written until skip is ticked. */
@ExtendWith(ApplicationExtension.class)
class ImportPaneFxTest {
    @TempDir
    Path tmp;
    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;
    private MainViewModel main;
    private Scene scene;

    @Start
    void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = new ProjectService(tmp.resolve("home"));
        Project.create(tmp.resolve("empty")).close();
        main = new MainViewModel(executor, service);
        main.open(tmp.resolve("empty"));
        scene = new Scene(DataDialogs.importPane(main.data()), 760, 560);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        executor.shutdown();
        service.close();
    }

    @Test
    void twoBadLinesAreReportedWithReasonsAndNothingIsWrittenUntilSkipIsTicked() throws Exception {
        Path file = tmp.resolve("prompts.jsonl");
        Files.writeString(file, """
                {"prompt": "Name three primes."}
                {"prompt": 42}
                {"prompt": "What is a reward model?"}
                not json at all
                {"prompt": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello"}, {"role": "user", "content": "Tell me a joke"}]}
                """);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> read(() -> main.countProperty(ProjectCount.PROMPTS) != null
                && !main.projectPathProperty().get().isEmpty()));
        onFx(() -> {
            main.data().formatProperty().set(ImportFormat.PROMPTS);
            main.data().fileProperty().set(file);
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> read(() -> main.data().goodProperty().get() == 3));

        assertThat(onFx(() -> ((Label) scene.lookup("#importCounts")).getText())).isEqualTo("3 good lines, 2 bad lines");
        @SuppressWarnings("unchecked")
        ListView<String> bad = onFx(() -> (ListView<String>) scene.lookup("#importBadLines"));
        assertThat(onFx(() -> String.join("\n", bad.getItems()))).contains("line 2: \"prompt\" must be", "line 4: invalid JSON");
        @SuppressWarnings("unchecked")
        ListView<String> preview = onFx(() -> (ListView<String>) scene.lookup("#importPreview"));
        assertThat(onFx(() -> preview.getItems())).hasSize(3).last().asString()
                .contains("user: Hi / assistant: Hello / user: Tell me a joke");
        Button go = onFx(() -> (Button) scene.lookup("#runImport"));
        assertThat(onFx(go::isDisabled)).isTrue();
        assertThat(service.project().prompts().count()).isZero();

        onFx(() -> {
            ((CheckBox) scene.lookup("#skipBad")).setSelected(true);
            return null;
        });
        assertThat(onFx(go::isDisabled)).isFalse();
        onFx(() -> {
            go.fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> read(() -> main.countProperty(ProjectCount.PROMPTS).get() == 3));
        assertThat(onFx(() -> ((Label) scene.lookup("#dataStatus")).getText())).contains("3 prompts", "skipped 2 bad lines");
        org.rlhfworkbench.ui.charts.ScreenShots.save(scene, Path.of("target/screenshots/import-dialog.png"));
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
