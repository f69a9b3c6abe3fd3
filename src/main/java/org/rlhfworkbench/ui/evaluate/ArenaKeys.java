package org.rlhfworkbench.ui.evaluate;

import javafx.scene.input.KeyCode;
import org.rlhfworkbench.jobs.eval.Side;

/**
 * The arena's keys, one keystroke per vote: 1 or ← left better, 2 or → right better, 3 or T
 * tie, 4 or B both bad, S or Space skip, U, Backspace or Ctrl+Z undo; Shift+1..3 cycles the
 * verdict of criterion 1..3 (none, left, right, tie).
 */
public final class ArenaKeys {
    public static final String HELP = "1/← left better · 2/→ right better · 3/T tie · 4/B both bad · S/Space skip"
            + " · U undo · Shift+1..3 criteria · R reason";

    private ArenaKeys() {
    }

    /** Runs the key's action; true when the key was used (the view consumes it). */
    public static boolean handle(ArenaViewModel vm, KeyCode code, boolean shift, boolean shortcut) {
        if (shortcut && code == KeyCode.Z || !shortcut && !shift && (code == KeyCode.U || code == KeyCode.BACK_SPACE)) {
            vm.undo();
            return true;
        }
        if (shortcut || vm.phaseProperty().get() != ArenaViewModel.Phase.JUDGING) {
            return false;
        }
        if (shift) {
            int index = switch (code) {
                case DIGIT1, NUMPAD1 -> 0;
                case DIGIT2, NUMPAD2 -> 1;
                case DIGIT3, NUMPAD3 -> 2;
                default -> -1;
            };
            if (index >= 0) {
                vm.cycleCriterion(index);
            }
            return index >= 0;
        }
        Side side = switch (code) {
            case DIGIT1, NUMPAD1, LEFT -> Side.LEFT;
            case DIGIT2, NUMPAD2, RIGHT -> Side.RIGHT;
            case DIGIT3, NUMPAD3, T -> Side.TIE;
            case DIGIT4, NUMPAD4, B -> Side.BOTH_BAD;
            default -> null;
        };
        if (side != null) {
            vm.vote(side);
            return true;
        }
        if (code == KeyCode.S || code == KeyCode.SPACE) {
            vm.skip();
            return true;
        }
        return false;
    }
}
