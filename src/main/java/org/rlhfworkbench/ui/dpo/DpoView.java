package org.rlhfworkbench.ui.dpo;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import org.rlhfworkbench.ui.charts.Pulse;
import org.rlhfworkbench.ui.charts.RunDashboard;
import org.rlhfworkbench.ui.charts.TrainingSidebar;
import org.rlhfworkbench.ui.ppo.HealthPanel;
import org.rlhfworkbench.ui.ppo.PpoView;
import org.rlhfworkbench.ui.ppo.SamplesPanel;

/**
 * The DPO tab: settings, run controls and DPO runs on the left; in the centre the live dashboard
 * (loss, TRL's rewards/* and logps/* charts) above the probe samples (the PPO tab's panel), the
 * health signals (the PPO tab's panel) and the online loop's per-round table, as two tabs. An AnimationTimer drains the run's queues on every pulse.
 */
public final class DpoView extends BorderPane {
    static final String WATCHES = "No warnings so far. Signals show here as they happen: the chosen answers'"
            + " log-prob falling, KL to the SFT model too high (online), probe answers growing far longer than the"
            + " reference's or repeating.";
    private final RunDashboard dashboard;

    public DpoView(DpoViewModel viewModel) {
        TrainingSidebar.style(this, "dpoView", PpoView.STYLESHEET);
        getStyleClass().add("ppo-view");
        setLeft(DpoSidebar.of(viewModel));
        dashboard = new RunDashboard(viewModel.runner());
        Tab health = new Tab("Health", new HealthPanel(viewModel.signals(), WATCHES));
        health.setId("dpoHealthTab");
        health.textProperty().bind(Bindings.createStringBinding(() -> viewModel.signals().isEmpty() ? "Health"
                : "Health (" + viewModel.signals().size() + ")", viewModel.signals()));
        Tab rounds = new Tab("Online rounds", new IterationTable(viewModel.iterations()));
        rounds.setId("dpoRoundsTab");
        TabPane side = new TabPane(health, rounds);
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane panels = new SplitPane(new SamplesPanel(viewModel.samples(), viewModel.samplesStepProperty(),
                viewModel.probeEveryProperty()), side);
        panels.setDividerPositions(0.55);
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
