package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.SampleProjects;
import org.rlhfworkbench.jobs.run.ModelPicker;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.store.ProjectException;

/** Project folders and model folders from elsewhere: nothing outside them is read or copied. */
class UntrustedProjectTest {
    @TempDir
    Path tmp;

    /** A folder outside the project with a file a stored path or a link would reach. */
    private Path secret() throws IOException {
        Path outside = tmp.resolve("outside");
        Files.createDirectories(outside);
        Files.writeString(outside.resolve("model.safetensors"), "not yours");
        return outside;
    }

    @Test
    void aStoredModelPathLeadingOutOfTheProjectIsRefused() throws Exception {
        Path outside = secret();
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir)) {
            Files.createDirectories(dir.resolve("models/inside"));
            Files.createSymbolicLink(dir.resolve("models/link"), outside);
            long ok = p.models().add("inside", ModelKind.SFT, null, "models/inside", null);
            assertThat(ModelPicker.folder(p, ModelPicker.pick(p, ok))).isEqualTo(dir.resolve("models/inside"));
            // the newest SFT model (the one export-job takes) is the last of these
            String[] bad = {outside.toString(), "../outside", "models/../../outside", "models/link"};
            for (String path : bad) {
                long id = p.models().add("from elsewhere", ModelKind.SFT, null, path, null);
                assertThatThrownBy(() -> ModelPicker.folder(p, ModelPicker.pick(p, id))).as(path)
                        .isInstanceOf(ProjectException.class)
                        .hasMessageContaining("model " + id + " in " + dir.resolve("project.db"))
                        .hasMessageContaining("leads outside the project folder");
            }
        }
        CliTest.Result r = CliTest.run("export-job", dir.toString(), "--engine", "trl", "--out",
                tmp.resolve("job").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("leads outside the project folder");
        try (Stream<Path> files = Files.walk(tmp.resolve("job")).filter(Files::isRegularFile)) {
            assertThat(files.map(f -> {
                try {
                    return Files.readString(f);
                } catch (IOException e) {
                    return "";
                }
            })).doesNotContain("not yours");
        } catch (java.nio.file.NoSuchFileException none) {
            // nothing written at all
        }
    }

    @Test
    void importModelRefusesSymbolicLinksInTheModelFolder() throws Exception {
        Path outside = secret();
        Path dir = SampleProjects.ensureSample(tmp.resolve("home"));
        Path ckpt = tmp.resolve("ckpt");
        Files.createDirectories(ckpt);
        try (Stream<Path> files = Files.list(dir.resolve(SampleProjects.BASE_MODEL_PATH))) {
            for (Path f : files.toList()) {
                Files.copy(f, ckpt.resolve(f.getFileName()));
            }
        }
        Files.createSymbolicLink(ckpt.resolve("notes.txt"), outside.resolve("model.safetensors"));
        long before;
        try (Project p = Project.open(dir)) {
            before = p.models().count();
        }
        CliTest.Result r = CliTest.run("import-model", dir.toString(), ckpt.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("notes.txt is a symbolic link");
        try (Project p = Project.open(dir); Stream<Path> models = Files.list(dir.resolve("models"))) {
            assertThat(p.models().count()).isEqualTo(before);
            assertThat(models.map(m -> m.getFileName().toString())).noneMatch(n -> n.contains("imported"));
        }
    }

    @Test
    void projectInfoOnAnEmptyProjectDbSaysSoAndWritesNothing() throws Exception {
        Path dir = tmp.resolve("empty");
        Files.createDirectories(dir);
        Files.createFile(dir.resolve("project.db"));
        CliTest.Result r = CliTest.run("project", "info", dir.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("error: ").contains("is empty (0 bytes)").doesNotContain("\n");
        assertThat(Files.size(dir.resolve("project.db"))).isZero();
    }
}
