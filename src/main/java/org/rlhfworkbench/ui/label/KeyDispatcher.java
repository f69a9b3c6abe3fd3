package org.rlhfworkbench.ui.label;

import java.util.List;
import java.util.Optional;

/**
 * Turns key strokes into view model commands through the current {@link KeyMap}, including the
 * two-step keys: E then a card (edit), D then two cards (diff), R then a card and one 1-5 value
 * per criterion (ratings). Card keys double as the numbers in those steps.
 */
final class KeyDispatcher {
    private enum Step { NONE, EDIT, DIFF_FIRST, DIFF_SECOND, RATE_CARD, RATE_VALUE }

    private final LabelViewModel vm;
    private Step step = Step.NONE;
    private int firstSlot;
    private int criterion;

    KeyDispatcher(LabelViewModel vm) {
        this.vm = vm;
    }

    void reset() {
        step = Step.NONE;
    }

    boolean pending() {
        return step != Step.NONE;
    }

    /** True when the stroke was used (the view then consumes the key event). */
    boolean handle(KeyStroke stroke) {
        Optional<LabelAction> found = vm.keySettings().get().actionFor(stroke);
        if (vm.editor().isOpen()) {
            return found.map(this::inEditor).orElse(false);
        }
        if (found.isEmpty()) {
            return false;
        }
        LabelAction action = found.get();
        if (vm.screen().helpVisibleProperty().get() && action != LabelAction.HELP) {
            vm.toggleHelp();
            if (action == LabelAction.CANCEL) {
                return true;
            }
        }
        if (step != Step.NONE) {
            if (action == LabelAction.CANCEL || action.cardNumber() > 0) {
                continueStep(action);
                return true;
            }
            step = Step.NONE;
            vm.screen().setMessage("");
        }
        return perform(action);
    }

    private boolean inEditor(LabelAction action) {
        if (action == LabelAction.SAVE_TEXT) {
            vm.saveEditor();
            return true;
        }
        if (action == LabelAction.CANCEL) {
            vm.cancelEditor();
            return true;
        }
        return false;
    }

    private boolean perform(LabelAction action) {
        switch (action) {
            case TIE -> vm.tie();
            case UNDO_KEY -> vm.undoKey();
            case CLEAR_RANKING -> vm.clearRanking();
            case SUBMIT -> vm.submit();
            case ALL_BAD -> vm.allBad();
            case SKIP -> vm.skip();
            case FLAG -> vm.flag();
            case WRITE -> vm.writeAnswer();
            case UNDO_DECISION -> vm.undoDecision();
            case HELP -> vm.toggleHelp();
            case KEY_SETTINGS -> vm.keySettings().openDialog();
            case CANCEL -> vm.cancel();
            case SAVE_TEXT -> {
                return false;
            }
            case EDIT -> start(Step.EDIT, "Edit which response? Press its number (Esc cancels).");
            case DIFF -> {
                if (vm.diff().onProperty().get()) {
                    vm.diff().off();
                    vm.screen().setMessage("");
                } else {
                    start(Step.DIFF_FIRST, "Compare which two responses? Press two numbers (Esc cancels).");
                }
            }
            case RATE -> {
                if (vm.screen().ratingsEnabledProperty().get()) {
                    start(Step.RATE_CARD, "Rate which response? Press its number (Esc cancels).");
                } else {
                    vm.screen().setMessage("Ratings are off for this project.");
                }
            }
            default -> vm.pressCard(action.cardNumber() - 1);
        }
        return true;
    }

    private void start(Step next, String prompt) {
        if (vm.hasDraft()) {
            step = next;
            vm.screen().setMessage(prompt);
        }
    }

    private void continueStep(LabelAction action) {
        int number = action.cardNumber();
        if (number == 0) {
            step = Step.NONE;
            vm.screen().setMessage("");
            return;
        }
        int slot = number - 1;
        if (step != Step.RATE_VALUE && slot >= vm.cardCount()) {
            vm.screen().setMessage("There are only " + vm.cardCount() + " responses: press 1-" + vm.cardCount() + ".");
            return;
        }
        switch (step) {
            case EDIT -> {
                step = Step.NONE;
                vm.edit(slot);
            }
            case DIFF_FIRST -> {
                firstSlot = slot;
                step = Step.DIFF_SECOND;
                vm.screen().setMessage("Compare response " + number + " with which? Press its number.");
            }
            case DIFF_SECOND -> {
                step = Step.NONE;
                vm.diff().compare(firstSlot, slot);
            }
            case RATE_CARD -> {
                firstSlot = slot;
                criterion = 0;
                step = Step.RATE_VALUE;
                askRating();
            }
            case RATE_VALUE -> rate(number);
            default -> step = Step.NONE;
        }
    }

    private void rate(int value) {
        List<String> criteria = vm.criteria();
        if (value > 5) {
            vm.screen().setMessage("Ratings go from 1 to 5.");
            return;
        }
        vm.rate(firstSlot, criteria.get(criterion), value);
        criterion++;
        if (criterion >= criteria.size()) {
            step = Step.NONE;
            vm.screen().setMessage("Rated response " + (firstSlot + 1) + ".");
        } else {
            askRating();
        }
    }

    private void askRating() {
        vm.screen().setMessage("Response " + (firstSlot + 1) + ": " + vm.criteria().get(criterion) + " 1-5? (Esc stops)");
    }
}
