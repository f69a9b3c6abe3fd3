package org.rlhfworkbench.ui.dpo;

import java.net.URL;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.rlhfworkbench.ui.charts.Pulse;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.ppo.PpoView;
import org.rlhfworkbench.ui.ppo.SamplesPanel;

/**
 * The DPO tab: settings, run controls and DPO runs on the left; in the centre the live dashboard
 * (loss, TRL's rewards/* and logps/* charts) above the probe samples (the PPO tab's panel) and
 * the online loop's per-round table. An AnimationTimer drains the run's queues on every pulse.
 */
public final class DpoView extends BorderPane {
    private final RunDashboard dashboard;

    public DpoView(DpoViewModel viewModel) {
        setId("dpoView");
        getStyleClass().addAll("training-view", "ppo-view");
        for (String sheet : new String[] {RunDashboard.STYLESHEET, PpoView.STYLESHEET}) {
            URL css = DpoView.class.getResource(sheet);
            if (css != null) {
                getStylesheets().add(css.toExternalForm());
            }
        }
        setLeft(new DpoSidebar(viewModel));
        dashboard = new RunDashboard(viewModel.runner());
        SplitPane panels = new SplitPane(new SamplesPanel(viewModel.samples(), viewModel.samplesStepProperty(),
                viewModel.probeEveryProperty()), new IterationTable(viewModel.iterations()));
        panels.setDividerPositions(0.6);
        SplitPane centre = new SplitPane(dashboard, panels);
        centre.setOrientation(Orientation.VERTICAL);
        centre.setDividerPositions(0.64);
        setCenter(centre);
        Pulse.whileShown(this, viewModel::drain);
    }

    public RunDashboard dashboard() {
        return dashboard;
    }
}
