package org.rlhfworkbench.ui.label;

import java.util.concurrent.atomic.AtomicReference;

/** Where the labeler's key map is kept between sessions. */
public interface KeyMapStore {

    KeyMap load();

    void save(KeyMap keyMap);

    /** Keeps the map in memory only: for tests and when preferences are unavailable. */
    static KeyMapStore inMemory(KeyMap initial) {
        AtomicReference<KeyMap> current = new AtomicReference<>(initial);
        return new KeyMapStore() {
            @Override
            public KeyMap load() {
                return current.get();
            }

            @Override
            public void save(KeyMap keyMap) {
                current.set(keyMap);
            }
        };
    }
}
