package org.rlhfworkbench.ui.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which keys trigger which {@link LabelAction}: immutable; {@link #with} gives a remapped copy.
 * Stored as text, one entry per action ("SUBMIT" -> "ENTER, Shortcut+S").
 */
public final class KeyMap {
    private static final Logger LOG = LoggerFactory.getLogger(KeyMap.class);
    private static final KeyMap DEFAULTS = buildDefaults();

    private final Map<LabelAction, List<KeyStroke>> keys;

    private KeyMap(Map<LabelAction, List<KeyStroke>> keys) {
        EnumMap<LabelAction, List<KeyStroke>> copy = new EnumMap<>(LabelAction.class);
        keys.forEach((action, strokes) -> copy.put(action, List.copyOf(strokes)));
        this.keys = Collections.unmodifiableMap(copy);
    }

    private static KeyMap buildDefaults() {
        Map<LabelAction, List<KeyStroke>> keys = new EnumMap<>(LabelAction.class);
        for (LabelAction action : LabelAction.values()) {
            keys.put(action, action.defaultStrokes());
        }
        return new KeyMap(keys);
    }

    public static KeyMap defaults() {
        return DEFAULTS;
    }

    /** The defaults with the stored entries applied; entries that do not parse are logged and skipped. */
    public static KeyMap fromStrings(Map<String, String> stored) {
        Map<LabelAction, List<KeyStroke>> keys = new EnumMap<>(DEFAULTS.keys);
        stored.forEach((name, value) -> {
            try {
                keys.put(LabelAction.valueOf(name), parseList(value));
            } catch (IllegalArgumentException e) {
                LOG.warn("Ignoring stored key binding {}={}: {}", name, value, e.getMessage());
            }
        });
        return new KeyMap(keys);
    }

    static List<KeyStroke> parseList(String value) {
        List<KeyStroke> strokes = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                strokes.add(KeyStroke.parse(part));
            }
        }
        return strokes;
    }

    /**
     * A full map, e.g. from the remapping dialog; actions left out keep their defaults.
     *
     * @throws IllegalArgumentException when one key is given to two actions
     */
    public static KeyMap of(Map<LabelAction, List<KeyStroke>> chosen) {
        Map<LabelAction, List<KeyStroke>> keys = new EnumMap<>(DEFAULTS.keys);
        keys.putAll(chosen);
        Map<KeyStroke, LabelAction> owner = new LinkedHashMap<>();
        keys.forEach((action, strokes) -> strokes.forEach(stroke -> {
            LabelAction other = owner.putIfAbsent(stroke, action);
            if (other != null && other != action) {
                throw new IllegalArgumentException(stroke.display() + " is given to both " + other + " and " + action);
            }
        }));
        return new KeyMap(keys);
    }

    /** The entries that differ from the defaults, as {@link #fromStrings} reads them. */
    public Map<String, String> toStrings() {
        Map<String, String> out = new LinkedHashMap<>();
        keys.forEach((action, strokes) -> {
            if (!strokes.equals(DEFAULTS.keys.get(action))) {
                out.put(action.name(), strokes.stream().map(KeyStroke::format).collect(Collectors.joining(", ")));
            }
        });
        return out;
    }

    /** A copy where {@code action} has exactly {@code strokes}, taken away from any other action. */
    public KeyMap with(LabelAction action, List<KeyStroke> strokes) {
        Map<LabelAction, List<KeyStroke>> copy = new EnumMap<>(keys);
        copy.replaceAll((other, bound) -> bound.stream().filter(s -> !strokes.contains(s)).toList());
        copy.put(action, strokes);
        return new KeyMap(copy);
    }

    /**
     * The action of {@code stroke}. A card key pressed with Shift still counts as that card when
     * Shift+key is not bound itself: on layouts such as AZERTY the digits need Shift.
     */
    public Optional<LabelAction> actionFor(KeyStroke stroke) {
        Optional<LabelAction> exact = exactly(stroke);
        if (exact.isPresent() || !stroke.shift()) {
            return exact;
        }
        return exactly(new KeyStroke(stroke.code(), stroke.shortcut(), false, stroke.alt()))
                .filter(action -> action.cardNumber() > 0);
    }

    private Optional<LabelAction> exactly(KeyStroke stroke) {
        for (Map.Entry<LabelAction, List<KeyStroke>> entry : keys.entrySet()) {
            if (entry.getValue().contains(stroke)) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    public List<KeyStroke> keysOf(LabelAction action) {
        return keys.get(action);
    }

    /** "=, T" for the help overlay; "(none)" when unbound. */
    public String display(LabelAction action) {
        List<KeyStroke> strokes = keys.get(action);
        return strokes.isEmpty() ? "(none)" : strokes.stream().map(KeyStroke::display).collect(Collectors.joining(", "));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyMap map && map.keys.equals(keys);
    }

    @Override
    public int hashCode() {
        return keys.hashCode();
    }
}
