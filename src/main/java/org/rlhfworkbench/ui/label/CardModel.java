package org.rlhfworkbench.ui.label;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.rlhfworkbench.jobs.label.ResponseStream;

/**
 * One response card's state: the streamed text, its length, rank badge, correction, ratings and
 * diff segments. Text arrives through a {@link StreamBuffer} and is applied by {@link #drain()} on
 * the FX pulse. No nodes.
 */
public final class CardModel {
    private final int slot;
    private final ResponseStream stream;
    private final StreamBuffer buffer = new StreamBuffer();
    private final StringBuilder received = new StringBuilder();
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final IntegerProperty tokens = new SimpleIntegerProperty(this, "tokens");
    private final IntegerProperty words = new SimpleIntegerProperty(this, "words");
    private final BooleanProperty done = new SimpleBooleanProperty(this, "done");
    private final StringProperty error = new SimpleStringProperty(this, "error");
    private final StringProperty badge = new SimpleStringProperty(this, "badge", "");
    private final StringProperty correction = new SimpleStringProperty(this, "correction");
    private final IntegerProperty correctionTokens = new SimpleIntegerProperty(this, "correctionTokens", -1);
    private final ObjectProperty<Integer> cutAt = new SimpleObjectProperty<>(this, "cutAt");
    private final BooleanProperty diffSelected = new SimpleBooleanProperty(this, "diffSelected");
    private final ObjectProperty<List<WordDiff.Segment>> diff = new SimpleObjectProperty<>(this, "diff");
    private final Map<String, IntegerProperty> ratings = new LinkedHashMap<>();
    private final StringBinding displayText = Bindings.createStringBinding(
            () -> correction.get() != null ? correction.get() : text.get(), text, correction);
    private Long generationId;
    private boolean textDirty;
    private int pendingDeltas;
    private Long finishedId;
    private int finishedTokens;
    private String failure;

    CardModel(ResponseStream stream, List<String> criteria) {
        this.stream = stream;
        this.slot = stream.slot();
        criteria.forEach(c -> ratings.put(c, new SimpleIntegerProperty(this, c)));
    }

    /** Starts receiving text (replays what was generated so far); called once, off the FX thread is fine. */
    void attach() {
        stream.listen(buffer);
    }

    /**
     * Takes the text queued since the last pulse. It is shown when {@code publish} is set or the
     * response just completed or failed; otherwise it waits for a later pulse. True when something
     * shown changed.
     */
    boolean drain(boolean publish) {
        if (done.get()) {
            return false;
        }
        StreamBuffer.Drained drained = buffer.drain();
        if (!drained.text().isEmpty()) {
            received.append(drained.text());
            textDirty = true;
        }
        pendingDeltas += drained.deltas();
        if (drained.generationId() != null) {
            finishedId = drained.generationId();
            finishedTokens = drained.tokenCount();
        }
        if (drained.error() != null && error.get() == null) {
            failure = drained.error();
        }
        boolean ending = finishedId != null || failure != null;
        if (!(publish || ending) || !(textDirty || ending || pendingDeltas > 0)) {
            return false;
        }
        if (textDirty) {
            text.set(received.toString());
            words.set(countWords(received));
            textDirty = false;
        }
        if (finishedId != null) {
            generationId = finishedId;
            tokens.set(finishedTokens);
            cutAt.set(stream.cutAt());
            done.set(true);
        } else {
            tokens.set(tokens.get() + pendingDeltas);
        }
        pendingDeltas = 0;
        if (failure != null) {
            error.set(failure);
            failure = null;
        }
        return true;
    }

    static int countWords(CharSequence s) {
        int count = 0;
        boolean inWord = false;
        for (int i = 0; i < s.length(); i++) {
            boolean space = Character.isWhitespace(s.charAt(i));
            if (!space && !inWord) {
                count++;
            }
            inWord = !space;
        }
        return count;
    }

    public int slot() {
        return slot;
    }

    public int number() {
        return slot + 1;
    }

    /** The stored generation once the response is complete, else null. */
    public Long generationId() {
        return generationId;
    }

    public ReadOnlyStringProperty textProperty() {
        return text;
    }

    /** The correction when there is one, else the generated text. */
    public StringBinding displayTextBinding() {
        return displayText;
    }

    /** Tokens: counted text pieces while streaming, the generator's count once done. */
    public ReadOnlyIntegerProperty tokensProperty() {
        return tokens;
    }

    public ReadOnlyIntegerProperty wordsProperty() {
        return words;
    }

    public ReadOnlyBooleanProperty doneProperty() {
        return done;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error;
    }

    public ReadOnlyStringProperty badgeProperty() {
        return badge;
    }

    void setBadge(String value) {
        badge.set(value);
    }

    public ReadOnlyStringProperty correctionProperty() {
        return correction;
    }

    void setCorrection(String value) {
        if (!java.util.Objects.equals(value, correction.get())) {
            correctionTokens.set(-1);
        }
        correction.set(value);
    }

    /** Tokens of the correction in the generating model's tokenizer; -1 while unknown. */
    public ReadOnlyIntegerProperty correctionTokensProperty() {
        return correctionTokens;
    }

    /** Sets the correction's token count when {@code text} is still the correction. */
    void setCorrectionTokens(String text, int count) {
        if (java.util.Objects.equals(text, correction.get())) {
            correctionTokens.set(count);
        }
    }

    /** Once done: the max new tokens the answer was cut at, or null when it ended by itself. */
    public ObjectProperty<Integer> cutAtProperty() {
        return cutAt;
    }

    public ReadOnlyBooleanProperty diffSelectedProperty() {
        return diffSelected;
    }

    void setDiffSelected(boolean value) {
        diffSelected.set(value);
    }

    /** Segments to highlight while the diff is on and this card is one of the two compared, else null. */
    public ObjectProperty<List<WordDiff.Segment>> diffProperty() {
        return diff;
    }

    /** Criterion -> rating 1..5, 0 = not rated; the view binds ControlsFX Rating controls to these. */
    public Map<String, IntegerProperty> ratings() {
        return ratings;
    }

    Map<String, Integer> ratingValues() {
        Map<String, Integer> values = new LinkedHashMap<>();
        ratings.forEach((criterion, value) -> {
            if (value.get() > 0) {
                values.put(criterion, value.get());
            }
        });
        return values;
    }
}
