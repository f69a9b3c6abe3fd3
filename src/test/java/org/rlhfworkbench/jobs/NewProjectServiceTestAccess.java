package org.rlhfworkbench.jobs;

import java.io.IOException;
import java.nio.file.Path;

/** For tests in other packages: the bundled model as a Hugging Face folder, with or without a chat template. */
public final class NewProjectServiceTestAccess {
    private NewProjectServiceTestAccess() {
    }

    public static Path bundledCopy(Path folder, boolean chatTemplate) throws IOException {
        return NewProjectServiceTest.copyBundledModel(folder, chatTemplate);
    }
}
