package org.rlhfworkbench.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the main window between sessions in java.util.prefs (the user's node
 * "org/rlhfworkbench/ui/window", a throwaway node in tests): its position, size and maximised
 * state, and the divider positions of every split pane in it (the Label tab's side panel, the
 * training tabs' charts). A split pane is known by its id, else by the nearest ancestor id and
 * its place among that ancestor's split panes. A remembered window that no longer fits on any
 * screen opens at the default size.
 */
public final class WindowMemory {
    private static final Logger LOG = LoggerFactory.getLogger(WindowMemory.class);
    private static final double MIN_WIDTH = 400;
    private static final double MIN_HEIGHT = 300;

    private final Preferences node;

    public WindowMemory(Preferences node) {
        this.node = node;
    }

    public static WindowMemory forUser() {
        return new WindowMemory(Preferences.userNodeForPackage(WindowMemory.class).node("window"));
    }

    /** Puts the remembered bounds on {@code stage}; call before it is shown. False when there were none to use. */
    public boolean restoreBounds(Stage stage) {
        double x = node.getDouble("x", Double.NaN);
        double y = node.getDouble("y", Double.NaN);
        double w = node.getDouble("width", Double.NaN);
        double h = node.getDouble("height", Double.NaN);
        if (Double.isNaN(w) || Double.isNaN(h) || w < MIN_WIDTH || h < MIN_HEIGHT) {
            return false;
        }
        if (!Double.isNaN(x) && !Double.isNaN(y) && !Screen.getScreensForRectangle(x, y, w, h).isEmpty()) {
            stage.setX(x);
            stage.setY(y);
        } else {
            Rectangle2D screen = Screen.getPrimary().getVisualBounds();
            w = Math.min(w, screen.getWidth());
            h = Math.min(h, screen.getHeight());
        }
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setMaximized(node.getBoolean("maximized", false));
        return true;
    }

    /** Puts the remembered divider positions on the split panes of {@code scene} that still have as many dividers. */
    public void restoreSplits(Scene scene) {
        splitPanes(scene).forEach((key, pane) -> {
            String stored = node.get("split." + key, null);
            if (stored == null) {
                return;
            }
            try {
                double[] positions = java.util.Arrays.stream(stored.split(",")).mapToDouble(Double::parseDouble).toArray();
                if (positions.length == pane.getDividers().size()) {
                    pane.setDividerPositions(positions);
                }
            } catch (NumberFormatException e) {
                LOG.warn("Ignoring the remembered dividers of {}: '{}' is not a list of numbers", key, stored);
            }
        });
    }

    /** Restores the split panes once the shown window is laid out, and saves everything when it hides. */
    public void attach(Stage stage) {
        // after the first layout: a split pane laid out for the first time resets dividers set before it
        Platform.runLater(() -> restoreSplits(stage.getScene()));
        stage.addEventHandler(WindowEvent.WINDOW_HIDING, e -> save(stage));
    }

    public void save(Stage stage) {
        node.putBoolean("maximized", stage.isMaximized());
        if (!stage.isMaximized() && !stage.isIconified()) {
            node.putDouble("x", stage.getX());
            node.putDouble("y", stage.getY());
            node.putDouble("width", stage.getWidth());
            node.putDouble("height", stage.getHeight());
        }
        if (stage.getScene() != null) {
            splitPanes(stage.getScene()).forEach((key, pane) -> {
                List<String> positions = new ArrayList<>();
                for (double p : pane.getDividerPositions()) {
                    positions.add(String.format(Locale.ROOT, "%.4f", p));
                }
                node.put("split." + key, String.join(",", positions));
            });
        }
        try {
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not remember the window's size: {}", e.toString());
        }
    }

    /** Every split pane of the scene (hidden tabs too) under a stable key. */
    static Map<String, SplitPane> splitPanes(Scene scene) {
        Map<String, SplitPane> byKey = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        if (scene == null || scene.getRoot() == null) {
            return byKey;
        }
        // lookupAll can list a node twice (through a control and its skin): once each, in order
        for (Node n : new java.util.LinkedHashSet<>(scene.getRoot().lookupAll(".split-pane"))) {
            if (n instanceof SplitPane pane) {
                String owner = pane.getId() != null ? pane.getId() : ancestorId(pane);
                int index = seen.merge(owner, 1, Integer::sum) - 1;
                byKey.put(pane.getId() != null && index == 0 ? owner : owner + "." + index, pane);
            }
        }
        return byKey;
    }

    private static String ancestorId(Node node) {
        for (Node n = node.getParent(); n != null; n = n.getParent()) {
            if (n.getId() != null) {
                return n.getId();
            }
        }
        return "root";
    }
}
