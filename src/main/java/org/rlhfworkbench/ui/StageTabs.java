package org.rlhfworkbench.ui;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;

/**
 * One tab per stage of the RLHF loop. The Label tab holds the labeling view when one is given;
 * the other stages are placeholders saying what they will hold.
 */
public final class StageTabs extends TabPane {

    /** All tabs as placeholders. */
    public StageTabs() {
        this(java.util.Map.of());
    }

    /** @param labelView the Label tab's content, or null for its placeholder */
    public StageTabs(Node labelView) {
        this(labelView == null ? java.util.Map.of() : java.util.Map.of("Label", labelView));
    }

    /** @param views tab title -> content ("Label", "SFT", "Reward", "PPO", "GRPO", "DPO", "Evaluate", "Chat"); missing ones are placeholders */
    public StageTabs(java.util.Map<String, Node> views) {
        setId("stageTabs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        getTabs().addAll(
                views.containsKey("Label") ? focusOnSelect(tab("Label", views.get("Label")))
                        : placeholder("Label", "Label data: rank generated answers, write and correct demonstrations."),
                orPlaceholder(views, "SFT", "Supervised fine-tuning on the demonstrations: settings, loss curve, samples."),
                orPlaceholder(views, "Reward", "Train the reward model on preference pairs: loss and pair accuracy."),
                orPlaceholder(views, "PPO", "PPO against the reward model with a KL penalty: reward, KL and samples as it runs."),
                orPlaceholder(views, "GRPO", "GRPO-family training (no critic) against mixed reward sources:"
                        + " a curve per source, clip ratios, groups without signal."),
                orPlaceholder(views, "DPO", "Direct preference optimisation on the pairs: loss and reward margins."),
                views.containsKey("Evaluate") ? focusOnSelect(tab("Evaluate", views.get("Evaluate")))
                        : placeholder("Evaluate", "Compare models side by side: win rates and answers to the same prompts."),
                views.containsKey("Chat") ? focusOnSelect(tab("Chat", views.get("Chat")))
                        : placeholder("Chat", "Talk to a model; rank, correct and rate any of its turns."));
        if (views.containsKey("Models")) {
            getTabs().add(0, tab("Models", views.get("Models")));
            getSelectionModel().select(1);  // the Label tab stays the first one shown
        }
    }

    private static Tab orPlaceholder(java.util.Map<String, Node> views, String title, String text) {
        return views.containsKey(title) ? tab(title, views.get(title)) : placeholder(title, text);
    }

    private static Tab placeholder(String title, String text) {
        Label label = new Label(text);
        label.getStyleClass().add("placeholder");
        label.setWrapText(true);
        StackPane pane = new StackPane(label);
        pane.getStyleClass().add("stage-placeholder");
        return tab(title, pane);
    }

    /** The labeling, arena and chat views take their keys through focus: give it whenever their tab is chosen. */
    private static Tab focusOnSelect(Tab tab) {
        tab.setOnSelectionChanged(e -> {
            if (tab.isSelected()) {
                // after the skin has made the content visible
                Platform.runLater(() -> tab.getContent().requestFocus());
            }
        });
        return tab;
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }
}
