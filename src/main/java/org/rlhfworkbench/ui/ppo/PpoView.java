package org.rlhfworkbench.ui.ppo;

import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.rlhfworkbench.ui.charts.Pulse;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.charts.TrainingSidebar;

/**
 * The PPO tab: settings, run controls and PPO runs on the left; an offer to resume an unfinished
 * run on top; in the centre the live dashboard (PPO tiles and charts) above the probe samples and
 * the health signals. An AnimationTimer drains the run's queues on every pulse while the view is
 * in a scene.
 */
public final class PpoView extends BorderPane {
    public static final String STYLESHEET = "/org/rlhfworkbench/ui/ppo.css";
    private final RunDashboard dashboard;

    public PpoView(PpoViewModel viewModel) {
        TrainingSidebar.style(this, "ppoView", STYLESHEET);
        getStyleClass().add("ppo-view");
        setLeft(PpoSidebar.of(viewModel));
        setTop(new ResumeBanner(viewModel));
        dashboard = new RunDashboard(viewModel.runner(), new PpoTiles(viewModel.live(), viewModel.runner().dashboard()));
        SplitPane panels = new SplitPane(new SamplesPanel(viewModel.live(),
                viewModel.settings().probeEveryProperty()), new HealthPanel(viewModel.live()));
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
