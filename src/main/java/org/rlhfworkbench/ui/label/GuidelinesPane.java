package org.rlhfworkbench.ui.label;

import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** The project's labeling guidelines (Markdown) in a collapsible panel. */
final class GuidelinesPane extends TitledPane {
    static final double MAX_HEIGHT = 260;

    private final TextFlow flow = new TextFlow();

    GuidelinesPane(ObservableStringValue markdown) {
        setId("guidelinesPane");
        setText("Guidelines");
        getStyleClass().add("guidelines-pane");
        setFocusTraversable(false);
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setFitToWidth(true);
        scroll.setMaxHeight(MAX_HEIGHT);
        scroll.setFocusTraversable(false);
        flow.getStyleClass().add("guidelines-text");
        setContent(scroll);
        show(markdown.get());
        markdown.addListener((obs, old, now) -> show(now));
    }

    private void show(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            flow.getChildren().setAll(new Label("This project has no guidelines yet."));
            return;
        }
        flow.getChildren().setAll(MarkdownText.parse(markdown).stream().map(run -> {
            Text text = new Text(run.text());
            text.getStyleClass().add("md-" + run.style().name().toLowerCase(Locale.ROOT));
            return text;
        }).toList());
    }
}
