package org.rlhfworkbench.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/** One tab per stage of the RLHF loop; each starts as a placeholder saying what it will hold. */
public final class StageTabs extends TabPane {

    public StageTabs() {
        setId("stageTabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().addAll(
                placeholder("Label", "Label data: rank generated answers, write and correct demonstrations."),
                placeholder("SFT", "Supervised fine-tuning on the demonstrations: settings, loss curve, samples."),
                placeholder("Reward", "Train the reward model on preference pairs: loss and pair accuracy."),
                placeholder("PPO", "PPO against the reward model with a KL penalty: reward, KL and samples as it runs."),
                placeholder("DPO", "Direct preference optimisation on the pairs: loss and reward margins."),
                placeholder("Evaluate", "Compare models side by side: win rates and answers to the same prompts."));
    }

    private static Tab placeholder(String title, String text) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder");
        label.setWrapText(true);
        StackPane pane = new StackPane(label);
        pane.getStyleClass().add("stage-placeholder");
        Tab tab = new Tab(title, pane);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }
}
