package org.rlhfworkbench.ui.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.MetricPoint;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.rlhfworkbench.jobs.ppo.PpoMetricNames;
import org.rlhfworkbench.jobs.ppo.PpoWatch;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The PPO view on the prepared sample project: a real three-step run fills the tiles, charts and samples. */
@ExtendWith(ApplicationExtension.class)
class PpoViewFxTest {
    @TempDir
    static Path home;
    private static Path project;

    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;
    private PpoViewModel viewModel;
    private PpoView view;

    @BeforeAll
    static void prepare() {
        project = PpoFixture.project(home);
    }

    @Start
    void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = new ProjectService(home);
        service.open(project);
        viewModel = new PpoViewModel(executor, service);
        viewModel.runner().setPrompter(org.rlhfworkbench.ui.charts.Prompter.YES);  // tiny fixture RM: weak
        viewModel.settings().use(PpoFixture.SMALL);
        view = new PpoView(viewModel);
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
        waitUntil(60, () -> read(() -> !viewModel.isRunning()));
        executor.shutdown();
        service.close();
    }

    @Test
    void aShortRunFillsTheTilesTheChartsAndTheSamplePanel() throws Exception {
        waitUntil(20, () -> read(() -> viewModel.settings().rewards().size() > 1));
        assertThat(onFx(() -> view.lookup("#tile-score") instanceof Tile && view.lookup("#tile-kl") instanceof Tile
                && view.lookup("#tile-beta") instanceof Tile && view.lookup("#tile-tps") instanceof Tile
                && view.lookup("#tile-episodes") instanceof Tile && view.lookup("#tile-eta") instanceof Tile)).isTrue();
        assertThat(onFx(() -> ((Tile) view.lookup("#tile-score")).isValueVisible())).isFalse();

        onFx(() -> {
            ((Button) view.lookup("#startRun")).fire();
            return null;
        });
        waitUntil(180, () -> read(() -> viewModel.runner().statusProperty().get() == RunStatus.DONE
                || viewModel.runner().statusProperty().get() == RunStatus.FAILED));
        assertThat(onFx(() -> viewModel.runner().statusProperty().get()))
                .as(onFx(() -> viewModel.runner().library().statusLineProperty().get())).isEqualTo(RunStatus.DONE);
        waitUntil(20, () -> read(() -> points("#chart-rm-score-and-rlhf-reward") >= 6
                && points("#chart-kl-to-sft-nats") >= 3 && points("#chart-response-length-tokens") >= 3));

        assertThat(onFx(() -> ((Tile) view.lookup("#tile-score")).isValueVisible())).isTrue();
        assertThat(onFx(() -> ((Tile) view.lookup("#tile-beta")).getValue())).isEqualTo(0.05);
        assertThat(onFx(() -> ((Tile) view.lookup("#tile-episodes")).getValue())).isEqualTo(12);
        assertThat(onFx(() -> ((Label) view.lookup("#samplesStep")).getText())).startsWith("Step 3");
        assertThat(onFx(() -> ((Label) view.lookup("#probe-prompt-0")).getText())).isNotBlank();
        assertThat(onFx(() -> ((TextArea) view.lookup("#probe-policy-0")).getText())).isNotBlank();
        assertThat(onFx(() -> ((TextArea) view.lookup("#probe-reference-0")).getText())).isNotBlank();
        assertThat(onFx(() -> view.lookup("#healthSignals") != null)).isTrue();
        assertThat(onFx(() -> view.lookup("#resumeBanner").isVisible())).isFalse();
        keepScreenshot();
    }

    /** With -Drlhf.test.keepPng=FILE, saves the whole view as a PNG to look at. */
    private void keepScreenshot() throws Exception {
        String file = System.getProperty("rlhf.test.keepPng");
        if (file != null) {
            byte[] png = onFx(() -> {
                javafx.scene.image.WritableImage img = view.snapshot(null, null);
                int w = (int) img.getWidth();
                int h = (int) img.getHeight();
                int[] px = new int[w * h];
                img.getPixelReader().getPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
                return org.rlhfworkbench.ui.charts.PngEncoder.encode(w, h, px);
            });
            java.nio.file.Files.write(Path.of(file), png);
        }
    }

    @Test
    void healthSignalsShowAsTheyHappenWithWhatTheyMeanAndWhatToTry() throws Exception {
        PpoWatch watch = new PpoWatch();
        onFx(() -> {
            viewModel.live().watch(watch, true);
            return null;
        });
        for (long step = 1; step <= 3; step++) {
            watch.onMetric(new MetricPoint(step, PpoMetricNames.KL, step == 1 ? 0.5 : 14.0));
            watch.onMetric(new MetricPoint(step, PpoMetricNames.RESPONSE_LENGTH, step == 1 ? 10 : 30));
        }
        waitUntil(10, () -> read(() -> viewModel.live().signals().size() == 2));
        String shown = onFx(() -> view.lookupAll("#healthSignals .label").stream().map(n -> ((Label) n).getText())
                .filter(t -> t != null).reduce("", (x, y) -> x + "\n" + y));

        assertThat(shown).contains("Step 3 · ⚠ Responses average 30.0 tokens").contains("Step 3 · KL to the SFT model")
                .contains("reward hacking").contains("Try: Raise the KL coefficient");
        keepScreenshot();
    }

    private int points(String id) {
        LineChart<?, ?> chart = (LineChart<?, ?>) view.lookup(id);
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
