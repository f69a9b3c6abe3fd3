package org.rlhfworkbench.ui.charts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import org.testfx.util.WaitForAsyncUtils;

/** Test helper: a scene's pixels as a PNG file, to look at what a headless test drew. */
public final class ScreenShots {
    private ScreenShots() {
    }

    public static void save(Scene scene, Path file) throws Exception {
        Snapshots.Pixels px = WaitForAsyncUtils.asyncFx(() -> Snapshots.of(scene.getRoot())).get(10, TimeUnit.SECONDS);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, PngEncoder.encode(px.width(), px.height(), px.argb()));
    }
}
