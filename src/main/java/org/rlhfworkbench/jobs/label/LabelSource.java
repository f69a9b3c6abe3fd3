package org.rlhfworkbench.jobs.label;

import java.util.Optional;
import org.rlhfworkbench.store.OnlineRepository;
import org.rlhfworkbench.store.Project;

/**
 * Which responses the labeling view shows. By default it samples fresh ones from the policy model;
 * project meta {@value #META_KEY} = "online-dpo:RUN:ITERATION" opens one online DPO round instead:
 * its prompts not yet ranked, with the K responses the round sampled (nothing is generated), so a
 * person can relabel what the reward model chose (human-in-the-loop online RLHF).
 *
 * @param iteration 1-based, as the CLI and the DPO tab number rounds
 */
public record LabelSource(long runId, int iteration) {
    public static final String META_KEY = "label_source";

    /** The round the project is set to label, if any. */
    public static Optional<LabelSource> of(Project project) {
        String v = project.meta().get(META_KEY);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(parse(v));
    }

    public static LabelSource parse(String text) {
        String[] parts = text.strip().split(":");
        try {
            if (parts.length == 3 && parts[0].equals(OnlineRepository.SOURCE)) {
                return new LabelSource(Long.parseLong(parts[1]), Integer.parseInt(parts[2]));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("label source '" + text + "' is not online-dpo:RUN:ITERATION");
    }

    /** Opens this round in the labeling view of {@code project}. */
    public void select(Project project) {
        project.meta().put(META_KEY, this.toString());
    }

    /** Back to sampling fresh responses from the policy model. */
    public static void clear(Project project) {
        project.meta().delete(META_KEY);
    }

    @Override
    public String toString() {
        return OnlineRepository.SOURCE + ":" + runId + ":" + iteration;
    }
}
