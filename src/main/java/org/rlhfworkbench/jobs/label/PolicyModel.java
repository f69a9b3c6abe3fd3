package org.rlhfworkbench.jobs.label;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.store.Project;

/**
 * The model that generates responses for labeling: the one named by project meta
 * {@value SampleProjects#META_POLICY_MODEL}, else the newest policy, SFT or base model (in that
 * order of preference).
 *
 * @param folder absolute path of its HF-format folder
 */
public record PolicyModel(long id, String name, Path folder) {

    public static PolicyModel of(Project project) {
        return find(project).orElseThrow(() -> new IllegalStateException("project " + project.dir()
                + " has no model to generate responses with: add one (kind base, sft or policy) or set meta "
                + SampleProjects.META_POLICY_MODEL));
    }

    public static Optional<PolicyModel> find(Project project) {
        String named = project.meta().get(SampleProjects.META_POLICY_MODEL);
        if (named != null) {
            ModelEntry e;
            try {
                e = project.models().get(Long.parseLong(named.strip()));
            } catch (NumberFormatException ex) {
                throw new IllegalStateException("project meta " + SampleProjects.META_POLICY_MODEL + "='" + named
                        + "' is not a model id", ex);
            }
            if (e == null) {
                throw new IllegalStateException("project meta " + SampleProjects.META_POLICY_MODEL + " names model "
                        + named + ", which is not in the project");
            }
            return Optional.of(of(project, e));
        }
        List<ModelEntry> all = project.models().all();
        for (ModelKind kind : List.of(ModelKind.POLICY, ModelKind.SFT, ModelKind.BASE)) {
            Optional<ModelEntry> newest = all.stream().filter(m -> m.kind() == kind)
                    .max(Comparator.comparingLong(ModelEntry::id));
            if (newest.isPresent()) {
                return Optional.of(of(project, newest.get()));
            }
        }
        return Optional.empty();
    }

    private static PolicyModel of(Project project, ModelEntry e) {
        return new PolicyModel(e.id(), e.name(), project.resolveStored(e.path(), "model " + e.id()));
    }
}
