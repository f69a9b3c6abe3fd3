package org.rlhfworkbench.ui.label;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the remapped keys (only those that differ from the defaults) in a java.util.prefs node:
 * the user's node "org/rlhfworkbench/ui/label/keys" in the app, a throwaway node in tests.
 */
public final class PreferencesKeyMapStore implements KeyMapStore {
    private static final Logger LOG = LoggerFactory.getLogger(PreferencesKeyMapStore.class);

    private final Preferences node;

    public PreferencesKeyMapStore(Preferences node) {
        this.node = node;
    }

    public static PreferencesKeyMapStore forUser() {
        return new PreferencesKeyMapStore(Preferences.userNodeForPackage(PreferencesKeyMapStore.class).node("keys"));
    }

    @Override
    public KeyMap load() {
        try {
            Map<String, String> stored = new LinkedHashMap<>();
            for (String key : node.keys()) {
                stored.put(key, node.get(key, ""));
            }
            return KeyMap.fromStrings(stored);
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not read the key map, using the defaults: {}", e.toString());
            return KeyMap.defaults();
        }
    }

    @Override
    public void save(KeyMap keyMap) {
        try {
            node.clear();
            keyMap.toStrings().forEach(node::put);
            node.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.warn("Could not store the key map: {}", e.toString());
        }
    }
}
