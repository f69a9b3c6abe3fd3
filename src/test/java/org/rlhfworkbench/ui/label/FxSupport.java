package org.rlhfworkbench.ui.label;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.rlhfworkbench.jobs.ThreadPoolBackgroundExecutor;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A labeling view in a real stage, driven by the real background executor, and the helpers the
 * TestFX tests share: scene reads run on the FX thread, then pending FX events are let through.
 */
final class FxSupport {
    static final double WIDTH = 1200;
    static final double HEIGHT = 800;

    final ThreadPoolBackgroundExecutor executor = new ThreadPoolBackgroundExecutor(Platform::runLater);
    final LabelViewModel viewModel = new LabelViewModel(executor, KeyMapStore.inMemory(KeyMap.defaults()));
    final LabelView view = new LabelView(viewModel);
    final Scene scene;

    FxSupport(Stage stage) {
        scene = new Scene(view, WIDTH, HEIGHT);
        stage.setScene(scene);
        stage.show();
        view.requestFocus();
    }

    /** Opens {@code service} on the FX thread and waits until its first prompt (or the empty state) shows. */
    void open(FakeLabelingService service, Phase expected) throws Exception {
        onFx(() -> {
            viewModel.open(service);
            view.requestFocus();
            return null;
        });
        waitUntil(() -> read(() -> viewModel.screen().phaseProperty().get() == expected));
        onFx(() -> {
            view.requestFocus();
            return null;
        });
    }

    void shutdown() {
        executor.shutdown();
    }

    String label(String id) throws Exception {
        return onFx(() -> ((Label) scene.lookup("#" + id)).getText());
    }

    String cardText(int number) throws Exception {
        return onFx(() -> ((TextArea) scene.lookup("#text-" + number)).getText());
    }

    /** Reads the scene on the FX thread, then lets pending FX events run. */
    static <T> T onFx(Callable<T> read) throws Exception {
        T value = WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return value;
    }

    /** Like {@link #onFx} but for polling conditions: no wait for events afterwards. */
    static boolean read(Callable<Boolean> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
