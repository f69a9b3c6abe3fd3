package org.rlhfworkbench.ui.charts;

import javafx.animation.AnimationTimer;
import javafx.scene.Node;

/** Runs a callback on every JavaFX pulse while a node is in a scene: how run screens drain their queues. */
public final class Pulse {
    private Pulse() {
    }

    /** Starts when {@code node} enters a scene, stops when it leaves; returns the timer. */
    public static AnimationTimer whileShown(Node node, Runnable onPulse) {
        AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                onPulse.run();
            }
        };
        node.sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                timer.stop();
            } else {
                timer.start();
            }
        });
        if (node.getScene() != null) {
            timer.start();
        }
        return timer;
    }
}
