package org.rlhfworkbench.ui.grpo;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.rlhfworkbench.ui.charts.Pulse;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.charts.TrainingSidebar;
import org.rlhfworkbench.ui.ppo.PpoView;
import org.rlhfworkbench.ui.ppo.SamplesPanel;

/**
 * The GRPO tab: settings, run controls and GRPO runs on the left; in the centre the live
 * dashboard (reward per source, spread, clip ratios, KL and entropy, length) above the probe
 * samples and the health panel. An AnimationTimer drains the run's queues on every pulse.
 */
public final class GrpoView extends BorderPane {
    private final RunDashboard dashboard;

    public GrpoView(GrpoViewModel viewModel) {
        TrainingSidebar.style(this, "grpoView", PpoView.STYLESHEET);
        getStyleClass().add("ppo-view");
        setLeft(GrpoSidebar.of(viewModel));
        dashboard = new RunDashboard(viewModel.runner());
        SplitPane panels = new SplitPane(new SamplesPanel(viewModel.samples(), viewModel.samplesStepProperty(),
                viewModel.settings().probeEvery()), new GrpoHealthPanel(viewModel));
        panels.setDividerPositions(0.62);
        SplitPane centre = new SplitPane(dashboard, panels);
        centre.setOrientation(Orientation.VERTICAL);
        panels.getItems().forEach(n -> RunDashboard.shrinkable((javafx.scene.layout.Region) n));
        RunDashboard.shrinkable(panels, centre);
        centre.setDividerPositions(0.64);
        setCenter(centre);
        Pulse.whileShown(this, viewModel::drain);
    }

    public RunDashboard dashboard() {
        return dashboard;
    }
}
