package org.rlhfworkbench.ui.label;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The text editor over the cards: a correction of one response, the labeler's own answer, or a flag note. */
public final class EditorModel {
    /** What the editor's text becomes when saved. */
    public enum Kind { CORRECTION, WRITTEN, FLAG_NOTE }

    /** The result of a save: a message, or for a flag note the (possibly null) note to submit with; the corrected card. */
    record Saved(String message, boolean flag, String note, CardModel corrected) {
        Saved(String message, boolean flag, String note) {
            this(message, flag, note, null);
        }
    }

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(this, "kind");
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final BooleanBinding open = Bindings.isNotNull(kind);
    private int slot = -1;

    void openCorrection(CardModel card) {
        open(Kind.CORRECTION, card.slot(), "Correct response " + card.number()
                + ": saved as a demonstration that ranks above it. Ctrl+Enter saves, Esc cancels.",
                card.displayTextBinding().get());
    }

    void openWritten(String current) {
        open(Kind.WRITTEN, -1, "Your own answer to the prompt: saved as a demonstration. Ctrl+Enter saves, Esc cancels.",
                current);
    }

    void openFlag() {
        open(Kind.FLAG_NOTE, -1, "Flag this prompt. Note (optional); Ctrl+Enter submits, Esc cancels.", "");
    }

    private void open(Kind what, int cardSlot, String heading, String initialText) {
        slot = cardSlot;
        title.set(heading);
        text.set(initialText == null ? "" : initialText);
        kind.set(what);
    }

    /** Closes the editor and applies its text to {@code draft}; null when it was not open. */
    Saved save(Draft draft) {
        Kind what = kind.get();
        String value = text.get();
        String kept = value == null || value.isBlank() ? null : value;
        int card = slot;
        close();
        if (what == null) {
            return null;
        }
        return switch (what) {
            case CORRECTION -> {
                CardModel target = draft.cards().get(card);
                target.setCorrection(kept == null || kept.equals(target.textProperty().get()) ? null : kept);
                yield new Saved(target.correctionProperty().get() == null ? "No correction." : "Correction saved.",
                        false, null, target);
            }
            case WRITTEN -> {
                draft.setWrittenAnswer(kept);
                yield new Saved(kept == null ? "No own answer." : "Own answer saved.", false, null);
            }
            case FLAG_NOTE -> new Saved("", true, kept == null ? null : kept.strip());
        };
    }

    void close() {
        kind.set(null);
        slot = -1;
    }

    public boolean isOpen() {
        return kind.get() != null;
    }

    public BooleanBinding openBinding() {
        return open;
    }

    /** Null while closed. */
    public ReadOnlyObjectProperty<Kind> kindProperty() {
        return kind;
    }

    public ReadOnlyStringProperty titleProperty() {
        return title;
    }

    /** The text being edited; the view binds its TextArea to it both ways. */
    public StringProperty textProperty() {
        return text;
    }
}
