package org.rlhfworkbench.ui.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.prefs.Preferences;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;

class KeyMapTest {

    @Test
    void defaultsGiveEveryKeyToOneActionOnly() {
        Map<LabelAction, List<KeyStroke>> all = new EnumMap<>(LabelAction.class);
        for (LabelAction action : LabelAction.values()) {
            all.put(action, KeyMap.defaults().keysOf(action));
            assertThat(KeyMap.defaults().keysOf(action)).as(action.name()).isNotEmpty();
        }
        assertThat(KeyMap.of(all)).isEqualTo(KeyMap.defaults());
    }

    @Test
    void defaultsMatchTheDocumentedKeys() {
        KeyMap keys = KeyMap.defaults();

        assertThat(keys.actionFor(KeyStroke.of(KeyCode.DIGIT3))).contains(LabelAction.CARD_3);
        assertThat(keys.actionFor(KeyStroke.of(KeyCode.NUMPAD9))).contains(LabelAction.CARD_9);
        assertThat(keys.actionFor(KeyStroke.of(KeyCode.EQUALS))).contains(LabelAction.TIE);
        assertThat(keys.actionFor(KeyStroke.of(KeyCode.T))).contains(LabelAction.TIE);
        assertThat(keys.actionFor(KeyStroke.of(KeyCode.ENTER))).contains(LabelAction.SUBMIT);
        assertThat(keys.actionFor(KeyStroke.parse("Ctrl+Z"))).contains(LabelAction.UNDO_DECISION);
        assertThat(keys.actionFor(KeyStroke.parse("Shift+SLASH"))).contains(LabelAction.HELP);
        assertThat(keys.actionFor(KeyStroke.of(KeyCode.Z))).isEmpty();
    }

    @Test
    void shiftedCardKeysStillPickTheCardButOtherShiftedKeysDoNot() {
        KeyMap keys = KeyMap.defaults();

        assertThat(keys.actionFor(KeyStroke.parse("Shift+DIGIT2"))).contains(LabelAction.CARD_2);
        assertThat(keys.actionFor(KeyStroke.parse("Shift+B"))).isEmpty();
        assertThat(keys.actionFor(KeyStroke.parse("Shift+SLASH"))).contains(LabelAction.HELP);
    }

    @Test
    void strokesParseAndFormatBothWays() {
        KeyStroke stroke = KeyStroke.parse("shortcut+shift+Z");

        assertThat(stroke).isEqualTo(new KeyStroke(KeyCode.Z, true, true, false));
        assertThat(stroke.format()).isEqualTo("Shortcut+Shift+Z");
        assertThat(KeyStroke.parse(stroke.format())).isEqualTo(stroke);
        assertThat(KeyStroke.parse("Backspace").code()).isEqualTo(KeyCode.BACK_SPACE);
        assertThat(KeyStroke.parse("Shift+SLASH").display()).isEqualTo("?");
        assertThat(KeyStroke.parse("Shortcut+EQUALS").display()).isEqualTo("Ctrl+=");
    }

    @Test
    void unknownKeyIsRejected() {
        assertThatThrownBy(() -> KeyStroke.parse("Hyper+Q")).hasMessageContaining("Hyper");
        assertThatThrownBy(() -> KeyStroke.parse("NOPE")).hasMessageContaining("NOPE");
    }

    @Test
    void remappingTakesTheKeyAwayFromItsFormerAction() {
        KeyMap keys = KeyMap.defaults().with(LabelAction.TIE, List.of(KeyStroke.of(KeyCode.S)));

        assertThat(keys.actionFor(KeyStroke.of(KeyCode.S))).contains(LabelAction.TIE);
        assertThat(keys.keysOf(LabelAction.SKIP)).isEmpty();
        assertThat(keys.actionFor(KeyStroke.of(KeyCode.EQUALS))).isEmpty();
        assertThat(keys.display(LabelAction.SKIP)).isEqualTo("(none)");
    }

    @Test
    void fullMapWithAKeyTwiceIsRejected() {
        Map<LabelAction, List<KeyStroke>> chosen = Map.of(LabelAction.TIE, List.of(KeyStroke.of(KeyCode.B)));

        assertThatThrownBy(() -> KeyMap.of(chosen)).hasMessageContaining("B").hasMessageContaining("ALL_BAD");
    }

    @Test
    void onlyChangedEntriesAreStoredAndReadBack() {
        KeyMap keys = KeyMap.defaults().with(LabelAction.TIE, List.of(KeyStroke.of(KeyCode.Q), KeyStroke.of(KeyCode.EQUALS)));

        assertThat(keys.toStrings()).containsOnlyKeys("TIE").containsEntry("TIE", "Q, EQUALS");
        assertThat(KeyMap.fromStrings(keys.toStrings())).isEqualTo(keys);
    }

    @Test
    void brokenStoredEntriesAreSkipped() {
        KeyMap keys = KeyMap.fromStrings(Map.of("TIE", "NOT_A_KEY", "NO_SUCH_ACTION", "Q", "SKIP", "K"));

        assertThat(keys.keysOf(LabelAction.TIE)).isEqualTo(KeyMap.defaults().keysOf(LabelAction.TIE));
        assertThat(keys.actionFor(KeyStroke.of(KeyCode.K))).contains(LabelAction.SKIP);
    }

    @Test
    void preferencesStoreKeepsTheRemappedKeys() throws Exception {
        Preferences node = Preferences.userRoot().node("org/rlhfworkbench/test/keymap-" + System.nanoTime());
        try {
            KeyMap keys = KeyMap.defaults().with(LabelAction.SUBMIT, List.of(KeyStroke.parse("Shortcut+S")));
            new PreferencesKeyMapStore(node).save(keys);

            assertThat(new PreferencesKeyMapStore(node).load()).isEqualTo(keys);
            new PreferencesKeyMapStore(node).save(KeyMap.defaults());
            assertThat(node.keys()).isEmpty();
        } finally {
            node.removeNode();
        }
    }
}
