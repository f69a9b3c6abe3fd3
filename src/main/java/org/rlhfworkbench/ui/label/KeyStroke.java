package org.rlhfworkbench.ui.label;

import java.util.Locale;
import javafx.scene.input.KeyCode;

/**
 * One key with its modifiers, written like "T", "Shortcut+Z", "Shift+SLASH" (key names are
 * {@link KeyCode} constants). The view turns key events into strokes; matching needs no running
 * JavaFX toolkit, so view model tests can press keys too.
 *
 * @param shortcut Ctrl (Cmd on macOS)
 */
public record KeyStroke(KeyCode code, boolean shortcut, boolean shift, boolean alt) {

    public KeyStroke {
        if (code == null) {
            throw new IllegalArgumentException("key code missing");
        }
    }

    public static KeyStroke of(KeyCode code) {
        return new KeyStroke(code, false, false, false);
    }

    /** Parses "Shortcut+Shift+Z"; also accepts "Ctrl" for Shortcut and key names as KeyCode.getName gives them. */
    public static KeyStroke parse(String text) {
        String[] parts = text.strip().split("\\+");
        boolean shortcut = false;
        boolean shift = false;
        boolean alt = false;
        for (int i = 0; i < parts.length - 1; i++) {
            switch (parts[i].strip().toLowerCase(Locale.ROOT)) {
                case "shortcut", "ctrl", "control", "cmd", "meta" -> shortcut = true;
                case "shift" -> shift = true;
                case "alt", "option" -> alt = true;
                default -> throw new IllegalArgumentException("Unknown modifier '" + parts[i] + "' in '" + text + "'");
            }
        }
        return new KeyStroke(code(parts[parts.length - 1].strip(), text), shortcut, shift, alt);
    }

    private static KeyCode code(String name, String text) {
        try {
            return KeyCode.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            KeyCode byName = KeyCode.getKeyCode(name);
            if (byName == null) {
                throw new IllegalArgumentException("Unknown key '" + name + "' in '" + text + "'", e);
            }
            return byName;
        }
    }

    /** The form {@link #parse} reads back, e.g. "Shortcut+Z". */
    public String format() {
        return prefix("Shortcut") + code.name();
    }

    /** What the help overlay shows, e.g. "Ctrl+Z", "=", "?" (Shift+/ on a US layout). */
    public String display() {
        if (code == KeyCode.SLASH && shift && !shortcut && !alt) {
            return "?";
        }
        String name = switch (code) {
            case SLASH -> "/";
            case EQUALS -> "=";
            case MINUS -> "-";
            case COMMA -> ",";
            case PERIOD -> ".";
            default -> code.getName();
        };
        return prefix("Ctrl") + name;
    }

    private String prefix(String shortcutName) {
        return (shortcut ? shortcutName + "+" : "") + (alt ? "Alt+" : "") + (shift ? "Shift+" : "");
    }

    @Override
    public String toString() {
        return format();
    }
}
