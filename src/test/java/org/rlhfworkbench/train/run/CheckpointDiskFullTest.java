package org.rlhfworkbench.train.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.lm.optim.AdamW;
import org.rlhfworkbench.lm.optim.OptimizerConfig;

/** A checkpoint save on a full disk (a 1 MB tmpfs; needs root to mount, skipped otherwise). */
class CheckpointDiskFullTest {
    @TempDir
    Path tmp;
    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", mount.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    private boolean mountTmpfs(Path at) throws Exception {
        Files.createDirectories(at);
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", at.toString())
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0) {
                mount = at;
                return true;
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    @Test
    void aFailedSaveLeavesNoCheckpointTmpAndKeepsTheLastGoodOne() throws Exception {
        Assumptions.assumeTrue(mountTmpfs(tmp.resolve("small")), "mounting a tmpfs needs root");
        Path run = mount.resolve("run");
        Files.createDirectories(run);
        try (NDManager m = NDManager.newBaseManager(); AdamW adam = new AdamW(OptimizerConfig.defaults())) {
            Map<String, NDArray> params = Map.of("w", m.ones(new Shape(64)));
            List<ParamGroup> groups = List.of(new ParamGroup(ParamGroup.MAIN, params, adam));
            Checkpoint.save(run, groups, new TrainState(3, 3, 1));
            Path filler = mount.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[4096];
                while (true) {
                    out.write(block);
                    out.flush();
                }
            } catch (IOException full) {
                // the disk is full now
            }
            assertThatThrownBy(() -> Checkpoint.save(run, groups, new TrainState(4, 4, 1)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("saving the checkpoint of step 4 in " + run + " failed")
                    .hasMessageContaining("the last good checkpoint is kept");
            assertThat(run.resolve("checkpoint.tmp")).doesNotExist();
            assertThat(Checkpoint.exists(run)).isTrue();
            assertThat(Files.readString(run.resolve("checkpoint/state.json"))).contains("\"step\":3");
        }
    }
}
