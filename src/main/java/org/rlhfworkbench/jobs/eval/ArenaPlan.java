package org.rlhfworkbench.jobs.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.formats.ImportFormat;
import org.rlhfworkbench.formats.Importer;
import org.rlhfworkbench.jobs.run.PpoJob;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.core.config.PpoConfig;

/**
 * Which prompt each pair of models answers, and which side each model's answer is shown on.
 * Prompts are shuffled with the seed; pairs of models take turns round-robin; a prompt this
 * annotator already judged for a pair is passed over (a session can be resumed). The side is a
 * seeded coin per matchup and is stored with the vote.
 */
public final class ArenaPlan {
    /** One blind pair to show: model A's answer on the right when {@code swapped}. */
    public record Matchup(Prompt prompt, long modelA, long modelB, boolean swapped) {
    }

    private ArenaPlan() {
    }

    public static List<Matchup> plan(Project project, ArenaSetup setup) {
        List<Prompt> prompts = new ArrayList<>(prompts(project, setup));
        Collections.shuffle(prompts, new Random(setup.seed()));
        List<long[]> pairs = new ArrayList<>();
        for (int i = 0; i < setup.models().size(); i++) {
            for (int j = i + 1; j < setup.models().size(); j++) {
                pairs.add(new long[] {setup.models().get(i), setup.models().get(j)});
            }
        }
        Random coin = new Random(setup.seed() * 31 + 7);
        List<Matchup> out = new ArrayList<>();
        int turn = 0;
        for (Prompt p : prompts) {
            if (out.size() >= setup.prompts()) {
                break;
            }
            for (int tries = 0; tries < pairs.size(); tries++) {
                long[] pair = pairs.get(turn++ % pairs.size());
                if (!project.comparisons().judged(p.id(), pair[0], pair[1], setup.annotator())) {
                    out.add(new Matchup(p, pair[0], pair[1], coin.nextBoolean()));
                    break;
                }
            }
        }
        return out;
    }

    /** The prompt set's prompts, in id order. */
    static List<Prompt> prompts(Project project, ArenaSetup setup) {
        return switch (setup.promptSet()) {
            case ALL -> project.prompts().all();
            case HELD_OUT -> {
                PpoJob.Config cfg = new PpoJob.Config(null, null, 0.2, PpoConfig.defaults());
                yield project.prompts().all().stream().filter(p -> PpoJob.heldOut(p.id(), cfg)).toList();
            }
            case UNLABELED -> {
                Set<Long> ids = new HashSet<>(project.prompts().unrankedIds(Integer.MAX_VALUE));
                yield project.prompts().all().stream().filter(p -> ids.contains(p.id())).toList();
            }
            case FILE -> {
                long before = project.prompts().all().stream().mapToLong(Prompt::id).max().orElse(0);
                Importer.importFile(project, setup.file(), ImportFormat.PROMPTS, false);
                yield project.prompts().all().stream().filter(p -> p.id() > before).toList();
            }
        };
    }
}
