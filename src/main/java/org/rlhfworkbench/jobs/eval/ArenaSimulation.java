package org.rlhfworkbench.jobs.eval;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.sample.Rubric;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.eval.ArenaPlan.Matchup;
import org.rlhfworkbench.jobs.label.LiveResponse;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.store.Project;

/**
 * An automated arena: every planned pair answered by both models, and voted on by the simulated
 * annotator (the sample's rubric, {@link RubricJudge#vote}), stored with annotator
 * {@value Rubric#ANNOTATOR} so every view says the votes are simulated. Prompts the rubric
 * cannot judge are passed over.
 */
public final class ArenaSimulation {
    /** @param votes stored now; @param notFromSample pairs passed over because the rubric cannot judge them */
    public record Report(int votes, int notFromSample, double seconds) {
    }

    /** Called after each stored vote. */
    public interface Progress {
        void onVote(int done, int planned);
    }

    private ArenaSimulation() {
    }

    public static Report run(Project project, ArenaSetup setup, Function<Path, LanguageModel> loader, Progress progress) {
        if (!setup.annotator().equals(Rubric.ANNOTATOR)) {
            throw new IllegalArgumentException("the simulated annotator is " + Rubric.ANNOTATOR + ", not " + setup.annotator());
        }
        long start = System.nanoTime();
        List<Matchup> plan = ArenaPlan.plan(project, setup);
        RubricJudge rubric = new RubricJudge();
        Sampling s = new Sampling(setup.temperature(), setup.topP(), setup.maxNewTokens());
        Map<Long, LanguageModel> models = new HashMap<>();
        int votes = 0;
        int skipped = 0;
        if (project.meta().get(SampleProjects.META_ANNOTATOR_NOTE) == null) {
            project.meta().put(SampleProjects.META_ANNOTATOR_NOTE, SampleProjects.ANNOTATOR_NOTE);
        }
        try {
            for (int i = 0; i < plan.size(); i++) {
                Matchup m = plan.get(i);
                if (rubric.vote(m.prompt(), "", "").isEmpty()) {
                    skipped++;
                    continue;
                }
                long seed = setup.seed() * 1_000_003L + i * 2L;
                LiveResponse a = new LiveResponse(0);
                LiveResponse b = new LiveResponse(1);
                Answers.sample(project, model(project, models, loader, m.modelA()), m.modelA(), m.prompt(), s, seed,
                        List.of(a), () -> false);
                Answers.sample(project, model(project, models, loader, m.modelB()), m.modelB(), m.prompt(), s, seed + 1,
                        List.of(b), () -> false);
                Optional<RubricJudge.Vote> v = rubric.vote(m.prompt(), a.text(), b.text());
                project.comparisons().add(new Comparison(0, m.prompt().id(), m.modelA(), m.modelB(), a.generationId(),
                        b.generationId(), m.swapped(), v.orElseThrow().winner(), setup.annotator(), null, v.get().criteria()));
                votes++;
                progress.onVote(votes, plan.size() - skipped);
            }
        } finally {
            models.values().forEach(LanguageModel::close);
        }
        return new Report(votes, skipped, (System.nanoTime() - start) / 1e9);
    }

    private static LanguageModel model(Project project, Map<Long, LanguageModel> models, Function<Path, LanguageModel> loader,
                                       long id) {
        return models.computeIfAbsent(id, k -> loader.apply(project.dir().resolve(project.models().get(k).path())));
    }
}
