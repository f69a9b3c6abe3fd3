package org.rlhfworkbench.ui.charts;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * Asks the user a yes / no question before a run starts (queue it behind the running run? train
 * against a weak reward model?). View models hold one so that tests can answer without a dialog.
 */
@FunctionalInterface
public interface Prompter {
    /** A modal confirmation dialog with the two given buttons; call on the UI thread. */
    Prompter DIALOG = (header, text, yes, no) -> {
        ButtonType ok = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ok, cancel);
        a.setHeaderText(header);
        a.getDialogPane().setId("runPrompt");
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return a.showAndWait().filter(b -> b == ok).isPresent();
    };

    /** Says yes to everything (scripts and tests that do not care). */
    Prompter YES = (header, text, yes, no) -> true;

    /** True when the user chose {@code yes}. */
    boolean ask(String header, String text, String yes, String no);
}
