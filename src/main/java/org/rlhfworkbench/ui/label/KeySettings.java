package org.rlhfworkbench.ui.label;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The key map in use, kept in a {@link KeyMapStore}, and the way to open the remapping dialog. */
public final class KeySettings {
    private final KeyMapStore store;
    private final ObjectProperty<KeyMap> keyMap = new SimpleObjectProperty<>(this, "keyMap");
    private Runnable dialog = () -> { };

    KeySettings(KeyMapStore store) {
        this.store = store;
        keyMap.set(store.load());
    }

    public KeyMap get() {
        return keyMap.get();
    }

    public ReadOnlyObjectProperty<KeyMap> property() {
        return keyMap;
    }

    /** Uses {@code map} from now on and stores it. */
    public void set(KeyMap map) {
        keyMap.set(map);
        store.save(map);
    }

    /** What the key-settings key opens (the view's remapping dialog). */
    public void setDialog(Runnable opener) {
        dialog = opener;
    }

    void openDialog() {
        dialog.run();
    }
}
