package org.rlhfworkbench.ui.label;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ScrollPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A card's text with the words the compared card does not share highlighted; hidden while the diff is off. */
final class DiffText extends ScrollPane {
    private final TextFlow flow = new TextFlow();
    private final ChangeListener<List<WordDiff.Segment>> onChange = (obs, old, now) -> show(now);
    private ObservableValue<List<WordDiff.Segment>> source;

    DiffText() {
        getStyleClass().add("diff-text");
        setFitToWidth(true);
        setFocusTraversable(false);
        setContent(flow);
        setVisible(false);
    }

    /** Follows {@code segments} (null: diff off) instead of the previous card's. */
    void show(ObservableValue<List<WordDiff.Segment>> segments) {
        if (source != null) {
            source.removeListener(onChange);
        }
        source = segments;
        segments.addListener(onChange);
        show(segments.getValue());
    }

    private void show(List<WordDiff.Segment> segments) {
        setVisible(segments != null);
        if (segments == null) {
            flow.getChildren().clear();
            return;
        }
        flow.getChildren().setAll(segments.stream().map(segment -> {
            Text text = new Text(segment.text());
            text.getStyleClass().add(segment.changed() ? "diff-changed" : "diff-same");
            return text;
        }).toList());
    }
}
