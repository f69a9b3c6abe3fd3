package org.rlhfworkbench.jobs;

import java.nio.file.Path;
import org.rlhfworkbench.store.Project;

/**
 * TEMPORARY STUB so the GUI compiles and starts: creates an empty project where the bundled sample
 * will go. The real class (copying the bundled sample) replaces this file.
 */
public final class SampleProjects {
    private SampleProjects() {
    }

    /** Returns a ready sample project under {@code home}, creating it when missing. */
    public static Path ensureSample(Path home) {
        Path dir = home.resolve("projects/assistant-sample");
        if (!Project.isProject(dir)) {
            Project.create(dir).close();
        }
        return dir;
    }
}
