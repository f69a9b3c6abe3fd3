package org.rlhfworkbench.jobs.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.jobs.reward.RewardInspector;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.store.Project;

/**
 * A reward model as judge: the answer with the higher reward wins. Scores are cached in the
 * project (generation_score, scorer "reward:ID"), so the model is loaded only for answers it has
 * not scored yet. Holds native memory once loaded: close it; use it from one background thread.
 */
public final class RewardJudge implements PairJudge, AutoCloseable {
    private final Project project;
    private final ModelEntry model;
    private final String scorer;
    private RewardInspector inspector;

    /** @param modelId the reward model, or null for the newest one; throws when the project has none */
    public RewardJudge(Project project, Long modelId) {
        this.project = project;
        this.model = ModelPicker.pick(project, modelId, ModelKind.REWARD);
        this.scorer = "reward:" + model.id();
    }

    /** The newest reward model of the project as a judge, if it has one. */
    public static Optional<RewardJudge> newest(Project project) {
        return project.models().all().stream().anyMatch(m -> m.kind() == ModelKind.REWARD)
                ? Optional.of(new RewardJudge(project, null)) : Optional.empty();
    }

    @Override
    public String name() {
        return "reward model " + model.name();
    }

    @Override
    public Optional<Winner> judge(Prompt prompt, Generation a, Generation b) {
        return Optional.of(RubricJudge.compare(score(prompt, a), score(prompt, b)));
    }

    private double score(Prompt prompt, Generation g) {
        Double cached = project.online().score(g.id(), scorer);
        if (cached != null) {
            return cached;
        }
        double s = inspector().score(prompt.id(), g.text());
        project.online().addScore(g.id(), scorer, s);
        return s;
    }

    private RewardInspector inspector() {
        if (inspector == null) {
            try {
                inspector = RewardInspector.open(project, model.id());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load the reward model: " + e.getMessage(), e);
            }
        }
        return inspector;
    }

    @Override
    public void close() {
        if (inspector != null) {
            inspector.close();
            inspector = null;
        }
    }
}
