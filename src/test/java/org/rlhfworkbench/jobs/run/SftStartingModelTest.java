package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.store.Project;

/** Re-running SFT starts from the base model unless another model is chosen. */
class SftStartingModelTest {
    @TempDir
    Path dir;

    @Test
    void withoutAChoiceSftStartsFromTheNewestBaseModelNotTheLastSftModel() {
        try (Project p = Project.create(dir.resolve("p"))) {
            long oldBase = p.models().add("base-old", ModelKind.BASE, null, "models/a", null);
            long base = p.models().add("base", ModelKind.BASE, null, "models/b", null);
            long sft = p.models().add("sft-1", ModelKind.SFT, base, "models/sft-1", null);
            p.models().add("policy-2", ModelKind.POLICY, sft, "models/policy-2", null);

            assertThat(SftJob.startingModel(p, null).id()).isEqualTo(base).isNotEqualTo(oldBase);
            assertThat(SftJob.startingModel(p, sft).id()).isEqualTo(sft);
        }
    }

    @Test
    void aProjectWithoutABaseModelStartsFromItsNewestSftModel() {
        try (Project p = Project.create(dir.resolve("q"))) {
            long sft = p.models().add("imported-sft", ModelKind.SFT, null, "models/s", null);
            p.models().add("policy", ModelKind.POLICY, sft, "models/pol", null);
            assertThat(SftJob.startingModel(p, null).id()).isEqualTo(sft);
        }
    }
}
