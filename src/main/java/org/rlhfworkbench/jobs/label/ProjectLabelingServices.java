package org.rlhfworkbench.jobs.label;

import java.nio.file.Path;
import java.util.function.Function;
import org.rlhfworkbench.jobs.ProjectService;
import org.rlhfworkbench.store.Project;

/** Makes the labeling service of the project open in a {@link ProjectService}, for the Label tab. */
public final class ProjectLabelingServices {
    private ProjectLabelingServices() {
    }

    /**
     * For an opened project folder: its labeling service (changes announced on {@code projects}'
     * feed), or null while it has no model (the Label tab then says "No policy model" and how to
     * get one). Runs on the background worker.
     */
    public static Function<Path, LabelingService> of(ProjectService projects) {
        return projectDir -> {
            Project project = projects.project();
            if (!project.dir().equals(projectDir.toAbsolutePath().normalize()) || project.models().count() == 0) {
                return null;
            }
            return new NotifyingLabelingService(new ProjectLabelingService(project, 0L), projects);
        };
    }
}
