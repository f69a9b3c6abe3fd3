package org.rlhfworkbench.ui.sft;

import static org.assertj.core.api.Assertions.assertThat;

import eu.hansolo.tilesfx.Tile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The SFT view on the sample project: a real one-epoch run drawn live, then exported. */
@ExtendWith(ApplicationExtension.class)
class SftViewFxTest {
    @TempDir
    static Path home;
    private static Path project;

    private ThreadPoolBackgroundExecutor executor;
    private ProjectService service;
    private SftViewModel viewModel;
    private SftView view;

    @BeforeAll
    static void sample() {
        project = SampleProjects.ensureSample(home);
    }

    @Start
    void start(Stage stage) {
        executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
        service = new ProjectService(home);
        service.open(project);
        viewModel = new SftViewModel(executor, service);
        viewModel.epochsProperty().set(1);
        view = new SftView(viewModel);
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
    void aShortRunDrawsTheLossLiveAndExportsItsMetrics() throws Exception {
        waitUntil(10, () -> read(() -> viewModel.models().size() > 1));
        onFx(() -> {
            ((Button) view.lookup("#startRun")).fire();
            return null;
        });
        waitUntil(120, () -> read(() -> lossPoints() > 0 && lossTileNumber() != null));
        assertThat(Double.parseDouble(onFx(this::lossTileNumber))).isPositive();
        waitUntil(120, () -> read(() -> viewModel.runner().statusProperty().get() == RunStatus.DONE));

        assertThat(onFx(this::hoverAtPlotCentre)).contains("loss").contains("at step");

        Path csv = home.resolve("metrics.csv");
        Path png = home.resolve("charts.png");
        onFx(() -> {
            view.dashboard().exportCsv(csv);
            view.dashboard().exportPng(png);
            return null;
        });
        waitUntil(10, () -> Files.exists(csv) && Files.exists(png) && read(() -> viewModel.runner().library()
                .statusLineProperty().get().startsWith("Saved the charts")));
        assertThat(Files.readAllLines(csv)).first().isEqualTo("step,name,value");
        assertThat(Files.readAllLines(csv)).anyMatch(l -> l.startsWith("1,loss,")).anyMatch(l -> l.contains(",eval/loss,"));
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(onFx(() -> viewModel.runner().library().runs().size())).isEqualTo(1);
    }

    /** Moves the mouse over the middle of the loss chart's plot; returns the crosshair label's text. */
    private String hoverAtPlotCentre() {
        LineChart<?, ?> chart = (LineChart<?, ?>) view.lookup("#chart-loss");
        view.dashboard().redraw();
        chart.layout();
        Node plot = chart.lookup(".chart-plot-background");
        Bounds b = plot.localToScene(plot.getBoundsInLocal());
        double x = b.getCenterX();
        double y = b.getCenterY();
        chart.fireEvent(new MouseEvent(MouseEvent.MOUSE_MOVED, x, y, x, y, MouseButton.NONE, 0, false, false, false,
                false, false, false, false, true, false, false, null));
        Label hover = (Label) view.lookup("#chart-loss-hover");
        return hover.isVisible() ? hover.getText() : "";
    }

    private int lossPoints() {
        LineChart<?, ?> chart = (LineChart<?, ?>) view.lookup("#chart-loss");
        return chart.getData().stream().mapToInt(s -> s.getData().size()).sum();
    }

    /** The number the loss tile shows, or null while it shows none. */
    private String lossTileNumber() {
        Tile tile = (Tile) view.lookup("#tile-loss");
        if (!tile.isValueVisible()) {
            return null;
        }
        for (Node n : tile.lookupAll("Text")) {
            String s = ((Text) n).getText();
            if (n.isVisible() && s != null && s.matches("-?\\d+\\.\\d+")) {
                return s;
            }
        }
        return null;
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
