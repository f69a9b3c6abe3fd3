package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.store.Project;

/** import-model and export-job through the command line, on the bundled sample project. */
class ImportModelCommandTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RlhfCli.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A checkpoint "trained elsewhere": a copy of the sample's base model outside the project. */
    private Path checkpoint(Path sample) throws IOException {
        Path ckpt = tmp.resolve("cluster/out/ppo");
        Files.createDirectories(ckpt);
        try (Stream<Path> files = Files.list(sample.resolve(SampleProjects.BASE_MODEL_PATH))) {
            for (Path f : files.toList()) {
                Files.copy(f, ckpt.resolve(f.getFileName()));
            }
        }
        return ckpt;
    }

    @Test
    void importedCheckpointIsTheNewestPolicyInThePickers() throws IOException {
        Path dir = SampleProjects.ensureSample(tmp.resolve("home"));
        Result r = run("import-model", dir.toString(), checkpoint(dir).toString(), "--name", "cluster ppo");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("imported model", "policy", "models/imported-cluster-ppo");
        try (Project p = Project.open(dir)) {
            ModelEntry picked = ModelPicker.pick(p, null, ModelKind.POLICY);
            assertThat(picked.name()).isEqualTo("cluster ppo");
            assertThat(picked.path()).isEqualTo("models/imported-cluster-ppo");
            assertThat(ModelPicker.folder(p, picked).resolve("model.safetensors")).isRegularFile();
        }
    }

    @Test
    void truncatedWeightsAreRefusedNamingTheFileAndNothingIsCopied() throws IOException {
        Path dir = SampleProjects.ensureSample(tmp.resolve("home"));
        Path ckpt = checkpoint(dir);
        Path weights = ckpt.resolve("model.safetensors");
        try (RandomAccessFile f = new RandomAccessFile(weights.toFile(), "rw")) {
            f.setLength(f.length() / 2);
        }
        long modelsBefore;
        try (Project p = Project.open(dir)) {
            modelsBefore = p.models().count();
        }
        Result r = run("import-model", dir.toString(), ckpt.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("cannot import", weights.toString());
        try (Project p = Project.open(dir); Stream<Path> models = Files.list(dir.resolve("models"))) {
            assertThat(p.models().count()).isEqualTo(modelsBefore);
            assertThat(models.map(m -> m.getFileName().toString())).noneMatch(n -> n.contains("imported"));
        }
    }

    @Test
    void aRewardModelMustHaveItsScoreHead() throws IOException {
        Path dir = SampleProjects.ensureSample(tmp.resolve("home"));
        Result r = run("import-model", dir.toString(), checkpoint(dir).toString(), "--kind", "reward");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("score.weight");
    }

    @Test
    void exportJobPrintsWhatItWrote() {
        Path dir = SampleProjects.ensureSample(tmp.resolve("home"));
        Path out = tmp.resolve("job");
        Result r = run("export-job", dir.toString(), "--engine", "trl", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("wrote a trl job", "./launch.sh ppo", "models/base");
        assertThat(out.resolve("launch.sh")).isRegularFile();
        assertThat(run("export-job", dir.toString(), "--engine", "slurm", "--out", out.toString()).code()).isEqualTo(2);
    }
}
