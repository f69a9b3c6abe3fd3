package org.rlhfworkbench.ui.project;

import java.util.function.ToLongFunction;
import org.rlhfworkbench.core.ProjectCounts;

/** The counts the main window shows, in display order; {@code key} names the label id "count-KEY". */
public enum ProjectCount {
    PROMPTS("prompts", "Prompts", ProjectCounts::prompts),
    GENERATIONS("generations", "Generations", ProjectCounts::generations),
    RANKINGS("rankings", "Rankings", ProjectCounts::rankings),
    PAIRS("pairs", "Preference pairs", ProjectCounts::pairs),
    DEMONSTRATIONS("demonstrations", "Demonstrations", ProjectCounts::demonstrations),
    MODELS("models", "Models", ProjectCounts::models),
    RUNS("runs", "Runs", ProjectCounts::runs);

    private final String key;
    private final String label;
    private final ToLongFunction<ProjectCounts> value;

    ProjectCount(String key, String label, ToLongFunction<ProjectCounts> value) {
        this.key = key;
        this.label = label;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public long of(ProjectCounts counts) {
        return value.applyAsLong(counts);
    }
}
