package org.rlhfworkbench.jobs.run;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.store.Project;

/** Which model a stage starts from when the user does not say: the newest of the preferred kinds. */
public final class ModelPicker {
    private ModelPicker() {
    }

    /** The model with {@code id}, or the newest of the first kind that exists in {@code preference}. */
    public static ModelEntry pick(Project project, Long id, ModelKind... preference) {
        List<ModelEntry> all = project.models().all();
        if (id != null) {
            return all.stream().filter(m -> m.id() == id).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no model " + id + " in " + project.dir()));
        }
        for (ModelKind kind : preference) {
            var newest = all.stream().filter(m -> m.kind() == kind).max(Comparator.comparingLong(ModelEntry::id));
            if (newest.isPresent()) {
                return newest.get();
            }
        }
        throw new IllegalArgumentException("the project has no " + List.of(preference)
                + " model yet; import or pretrain one first");
    }

    /** The model with {@code id}. */
    public static ModelEntry pick(Project project, long id) {
        return pick(project, Long.valueOf(id), new ModelKind[0]);
    }

    /** The model's folder: its stored path, which must lead to a folder inside the project. */
    public static Path folder(Project project, ModelEntry model) {
        return project.resolveStored(model.path(), "model " + model.id());
    }
}
