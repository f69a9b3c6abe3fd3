package org.rlhfworkbench.ui.evaluate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.rlhfworkbench.ui.charts.PngEncoder;

/** Writes a node's pixels to target/screenshots/NAME.png, for looking at a screen after a test. Call on the FX thread. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path save(Node node, String name) throws IOException {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        WritableImage image = node.snapshot(params, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        Path out = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(out.getParent());
        Files.write(out, PngEncoder.encode(w, h, argb));
        return out;
    }
}
