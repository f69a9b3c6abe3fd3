package org.rlhfworkbench.jobs.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.store.Project;

/**
 * The arena over the project open in the window. Keeps the newest reward model loaded as judge
 * between result refreshes (its scores are cached in the project, so only new answers are scored).
 */
public final class ProjectArenaBackend implements ArenaBackend {
    private final ProjectService projects;
    private Project judgedProject;
    private RewardJudge rewardJudge;

    public ProjectArenaBackend(ProjectService projects) {
        this.projects = projects;
    }

    @Override
    public List<ModelEntry> models() {
        return projects.project().models().all();
    }

    @Override
    public ArenaService open(ArenaSetup setup) {
        return new ArenaSession(projects.project(), setup);
    }

    @Override
    public synchronized ArenaResults results() {
        Project p = projects.project();
        if (p != judgedProject) {
            close();
            judgedProject = p;
            rewardJudge = RewardJudge.newest(p).orElse(null);
        }
        List<PairJudge> judges = new ArrayList<>(List.of(new RubricJudge()));
        if (rewardJudge != null) {
            judges.add(rewardJudge);
        }
        return ArenaReport.build(p, judges);
    }

    @Override
    public int export(Path file) {
        try {
            return ArenaExport.write(projects.project(), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public int toPreferences() {
        Project p = projects.project();
        int made = 0;
        for (Comparison c : p.comparisons().all()) {
            made += p.comparisons().toPreference(c.id()).isPresent() ? 1 : 0;
        }
        return made;
    }

    @Override
    public synchronized void close() {
        if (rewardJudge != null) {
            rewardJudge.close();
            rewardJudge = null;
        }
        judgedProject = null;
    }
}
