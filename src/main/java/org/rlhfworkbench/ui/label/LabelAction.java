package org.rlhfworkbench.ui.label;

import java.util.List;

/** Everything the labeling view does from the keyboard, with its default keys (see {@link KeyMap}). */
public enum LabelAction {
    CARD_1("Card 1: rank next (or pick it after E, D, R; rating 1)", "DIGIT1", "NUMPAD1"),
    CARD_2("Card 2 (rating 2)", "DIGIT2", "NUMPAD2"),
    CARD_3("Card 3 (rating 3)", "DIGIT3", "NUMPAD3"),
    CARD_4("Card 4 (rating 4)", "DIGIT4", "NUMPAD4"),
    CARD_5("Card 5 (rating 5)", "DIGIT5", "NUMPAD5"),
    CARD_6("Card 6", "DIGIT6", "NUMPAD6"),
    CARD_7("Card 7", "DIGIT7", "NUMPAD7"),
    CARD_8("Card 8", "DIGIT8", "NUMPAD8"),
    CARD_9("Card 9", "DIGIT9", "NUMPAD9"),
    TIE("Tie: the next card pressed shares the current rank", "EQUALS", "T"),
    UNDO_KEY("Take back the last ranking key", "BACK_SPACE"),
    CLEAR_RANKING("Clear the ranking", "DELETE"),
    SUBMIT("Submit the ranking and show the next prompt", "ENTER"),
    ALL_BAD("All responses are bad: submit at once", "B"),
    SKIP("Skip this prompt: submit at once", "S"),
    FLAG("Flag this prompt, with an optional note (Ctrl+Enter submits)", "F"),
    EDIT("Edit a response, then press its number: saved as a correction", "E"),
    WRITE("Write your own answer to the prompt", "W"),
    RATE("Rate a response: its number, then 1-5 per criterion", "R"),
    DIFF("Compare two responses: press two numbers (again: off)", "D"),
    UNDO_DECISION("Undo the last submitted decision and reopen it", "Shortcut+Z"),
    HELP("Show or hide this help", "Shift+SLASH", "F1"),
    KEY_SETTINGS("Remap keys", "Shortcut+K"),
    SAVE_TEXT("In an editor: save (and submit a flag)", "Shortcut+ENTER"),
    CANCEL("Close help or editor, cancel a pending key or reopen", "ESCAPE");

    private final String description;
    private final List<String> defaults;

    LabelAction(String description, String... defaults) {
        this.description = description;
        this.defaults = List.of(defaults);
    }

    public String description() {
        return description;
    }

    List<KeyStroke> defaultStrokes() {
        return defaults.stream().map(KeyStroke::parse).toList();
    }

    /** The card number of CARD_1..CARD_9, else 0. */
    public int cardNumber() {
        return ordinal() <= CARD_9.ordinal() ? ordinal() + 1 : 0;
    }

    public static LabelAction card(int number) {
        if (number < 1 || number > 9) {
            throw new IllegalArgumentException("card number must be 1..9, was " + number);
        }
        return values()[number - 1];
    }
}
