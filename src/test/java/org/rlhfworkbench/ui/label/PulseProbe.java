package org.rlhfworkbench.ui.label;

import javafx.animation.AnimationTimer;
import javafx.scene.Scene;

/**
 * Watches the FX pulses of a scene: the longest gap between two pulses, the longest time from the
 * animation timers to the layout pass (the drain), and the longest CSS + layout pass. Start and
 * stop it on the FX thread.
 */
final class PulseProbe {
    private final Scene scene;
    private long last;
    private long timersAt;
    private long layoutAt;
    private long maxGap;
    private long maxTimers;
    private long maxLayout;
    private long pulses;
    private final AnimationTimer timer = new AnimationTimer() {
        @Override
        public void handle(long now) {
            long wall = System.nanoTime();
            if (last != 0) {
                maxGap = Math.max(maxGap, wall - last);
            }
            last = wall;
            timersAt = wall;
            pulses++;
        }
    };
    private final Runnable beforeLayout = () -> {
        layoutAt = System.nanoTime();
        maxTimers = Math.max(maxTimers, layoutAt - timersAt);
    };
    private final Runnable afterLayout = () -> maxLayout = Math.max(maxLayout, System.nanoTime() - layoutAt);

    PulseProbe(Scene scene) {
        this.scene = scene;
    }

    void start() {
        timer.start();
        scene.addPreLayoutPulseListener(beforeLayout);
        scene.addPostLayoutPulseListener(afterLayout);
    }

    void stop() {
        timer.stop();
        scene.removePreLayoutPulseListener(beforeLayout);
        scene.removePostLayoutPulseListener(afterLayout);
    }

    double maxGapMillis() {
        return maxGap / 1e6;
    }

    double maxDrainMillis() {
        return maxTimers / 1e6;
    }

    double maxLayoutMillis() {
        return maxLayout / 1e6;
    }

    long pulses() {
        return pulses;
    }
}
