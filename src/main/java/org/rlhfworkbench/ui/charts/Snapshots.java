package org.rlhfworkbench.ui.charts;

import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/** Pixels of a node as the screen shows it, for {@link PngEncoder}. Call on the UI thread. */
final class Snapshots {
    /** ARGB pixels with their size. */
    record Pixels(int width, int height, int[] argb) {
    }

    private Snapshots() {
    }

    static Pixels of(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(Color.WHITE);
        WritableImage image = node.snapshot(params, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Pixels(w, h, argb);
    }
}
