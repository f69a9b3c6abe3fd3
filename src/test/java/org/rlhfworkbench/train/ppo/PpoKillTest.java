package org.rlhfworkbench.train.ppo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.train.run.Checkpoint;
import org.rlhfworkbench.train.run.MemoryRunContext;
import org.rlhfworkbench.train.run.RunContext;

/** A PPO run killed with SIGKILL mid-run leaves a checkpoint that resumes to the end. */
class PpoKillTest {
    @TempDir
    Path tmp;

    @Test
    void sigkillMidRunLeavesAUsableCheckpoint() throws Exception {
        Path dir = tmp.resolve("run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(),
                dir.toString()).redirectInput(new File("/dev/null")).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("step 3")) {
                // wait until three steps (and their checkpoints) are done
            }
        }
        Thread.sleep(50 + (long) (Math.random() * 200));  // somewhere inside step 4 or its checkpoint
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(Checkpoint.exists(dir)).isTrue();
        MemoryRunContext resumed = PpoTrainerTest.run(dir, 40, -1, true);
        assertThat(resumed.logs).anyMatch(l -> l.matches("resumed at step [3-9].*|resumed at step [1-3][0-9].*"));
        assertThat(resumed.named("episode").get(resumed.named("episode").size() - 1).value()).isEqualTo(160.0);
    }

    /** Runs a long PPO training with a checkpoint after every step, printing each finished step. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            MemoryRunContext ctx = new MemoryRunContext(dir, -1) {
                @Override
                public void progress(long s, long total, double tps) {
                    super.progress(s, total, tps);
                    System.out.println("step " + s);
                    System.out.flush();
                }
            };
            RunContext unused = ctx;
            try (var policy = PpoTrainerTest.model(1); var ref = PpoTrainerTest.model(1);
                 var rmb = PpoTrainerTest.model(2)) {
                PpoConfig cfg = PpoTrainerTest.cfg(40);
                PpoConfig everyStep = new PpoConfig(cfg.steps(), cfg.rolloutPrompts(), cfg.miniBatches(), cfg.ppoEpochs(),
                        cfg.learningRate(), cfg.temperature(), cfg.maxNewTokens(), cfg.klCoef(), cfg.klEstimator(),
                        cfg.adaptiveKl(), cfg.klTarget(), cfg.klHorizon(), cfg.cliprange(), cfg.cliprangeValue(),
                        cfg.vfCoef(), cfg.gamma(), cfg.lam(), cfg.entropyCoef(), cfg.missingEosPenalty(), cfg.rewardClip(),
                        0, 1, cfg.seed());
                new PpoTrainer(policy, ref, Scorer.of(org.rlhfworkbench.train.reward.RewardModel.withNewHead(rmb, 3), 0, 1),
                        PpoTrainerTest.prompts(), java.util.List.of(), java.util.Arrays::toString,
                        java.util.Set.of(PpoTrainerTest.EOS), everyStep).run(ctx, false);
            }
        }
    }
}
