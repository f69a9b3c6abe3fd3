package org.rlhfworkbench.ui.ppo;

import java.util.Locale;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.LongProperty;
import javafx.collections.ObservableList;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.rlhfworkbench.core.config.ProbeSample;

/**
 * The probe prompts as last re-sampled: for each, the policy's answer beside the SFT model's
 * (the frozen reference) with their reward-model scores, so one sees what PPO has changed.
 */
public final class SamplesPanel extends VBox {
    private static final PseudoClass BETTER = PseudoClass.getPseudoClass("better");
    private static final PseudoClass WORSE = PseudoClass.getPseudoClass("worse");
    private final VBox cards = new VBox(10);

    SamplesPanel(PpoLive live, ObservableValue<Integer> probeEvery) {
        this(live.samples(), live.samplesStepProperty(), probeEvery);
    }

    /** The same panel for any RL screen (DPO's too): the newest samples and their step (-1: none yet). */
    public SamplesPanel(ObservableList<ProbeSample> samples, LongProperty samplesStep, ObservableValue<Integer> probeEvery) {
        super(6);
        getStyleClass().add("samples-panel");
        setId("samplesPanel");
        Label title = new Label("Probe samples");
        title.getStyleClass().add("section-title");
        Label step = new Label();
        step.setId("samplesStep");
        step.getStyleClass().add("hint");
        step.textProperty().bind(Bindings.createStringBinding(() -> samplesStep.get() < 0
                ? "Held-out probe prompts, answered by the policy and by the SFT model every "
                + (probeEvery.getValue() == 1 ? "step" : probeEvery.getValue() + " steps")
                + " (Probe every, in the form), show here during a run."
                : "Step " + samplesStep.get() + ": the policy's answer beside the SFT model's,"
                + " same prompt and seed, with reward-model scores.", samplesStep, probeEvery));
        step.setWrapText(true);
        step.setMinHeight(Region.USE_PREF_SIZE);
        samples.addListener((ListChangeListener.Change<? extends ProbeSample> c) -> show(samples));
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, step, scroll);
    }

    private void show(List<ProbeSample> samples) {
        cards.getChildren().clear();
        for (int i = 0; i < samples.size(); i++) {
            cards.getChildren().add(card(i, samples.get(i)));
        }
    }

    private static Node card(int i, ProbeSample s) {
        Label prompt = new Label(s.prompt().strip());
        prompt.setId("probe-prompt-" + i);
        prompt.getStyleClass().add("probe-prompt");
        prompt.setWrapText(true);
        GridPane answers = new GridPane();
        answers.setHgap(8);
        answers.setVgap(2);
        answers.add(score("Policy", s.policyScore(), s.policyScore() - s.referenceScore()), 0, 0);
        answers.add(score("SFT (reference)", s.referenceScore(), 0), 1, 0);
        answers.add(answer("probe-policy-" + i, s.policy()), 0, 1);
        answers.add(answer("probe-reference-" + i, s.reference()), 1, 1);
        for (int c = 0; c < 2; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(50);
            answers.getColumnConstraints().add(cc);
        }
        VBox card = new VBox(4, prompt, answers);
        card.getStyleClass().add("probe-card");
        return card;
    }

    private static Label score(String who, double score, double gain) {
        Label l = new Label(String.format(Locale.ROOT, "%s · RM %.3f", who, score));
        l.getStyleClass().add("probe-score");
        l.pseudoClassStateChanged(BETTER, gain > 0);
        l.pseudoClassStateChanged(WORSE, gain < 0);
        return l;
    }

    private static TextArea answer(String id, String text) {
        TextArea area = new TextArea(text.strip().isEmpty() ? "(empty answer)" : text.strip());
        area.setId(id);
        area.setEditable(false);
        area.setWrapText(true);
        area.setPrefRowCount(3);
        area.getStyleClass().add("probe-answer");
        return area;
    }
}
