package org.rlhfworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.config.DpoConfig;
import org.rlhfworkbench.core.config.PpoConfig;
import org.rlhfworkbench.core.config.RewardConfig;
import org.rlhfworkbench.core.config.SftConfig;
import picocli.CommandLine;

/** Options every trainer command shares, and settings the command line refuses before a run starts. */
class TrainerOptionsTest {
    @TempDir
    Path tmp;

    private static <T> T parse(T command, String... args) {
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void everyTrainerTakesCheckpointEveryIntoItsConfig() {
        assertThat(parse(new SftCommand(), "d", "--checkpoint-every", "3").checkpoint.apply(SftConfig.defaults())
                .checkpointEvery()).isEqualTo(3);
        assertThat(parse(new RewardCommand(), "d", "--checkpoint-every", "4").checkpoint
                .apply(RewardConfig.defaults()).checkpointEvery()).isEqualTo(4);
        assertThat(parse(new DpoCommand(), "d", "--checkpoint-every", "5").checkpoint.apply(DpoConfig.defaults())
                .checkpointEvery()).isEqualTo(5);
        assertThat(parse(new OnlineDpoCommand(), "d", "--iterations", "2", "--checkpoint-every", "6").checkpoint
                .apply(DpoConfig.defaults()).checkpointEvery()).isEqualTo(6);
        assertThat(parse(new PpoCommand(), "d", "--checkpoint-every", "7").checkpoint.apply(PpoConfig.defaults())
                .checkpointEvery()).isEqualTo(7);
        // without the option the config keeps its default: scaled to the run's length for SFT, reward and DPO
        assertThat(parse(new SftCommand(), "d").checkpoint.apply(SftConfig.defaults()).checkpointEvery()).isZero();
        assertThat(RewardConfig.defaults().checkpointEvery()).isZero();
        assertThat(DpoConfig.defaults().checkpointEvery()).isZero();
        assertThatThrownBy(() -> parse(new SftCommand(), "d", "--checkpoint-every", "0").checkpoint
                .apply(SftConfig.defaults())).hasMessage("--checkpoint-every must be 1 or more, was 0");
    }

    /** --lora and its settings reach every trainer that can train an adapter (the README promises it). */
    @Test
    void everyTrainerTakesLoraOptions() {
        LoraOptions[] parsed = {
            parse(new SftCommand(), "d", "--lora-rank", "4").lora,
            parse(new RewardCommand(), "d", "--lora-rank", "4").lora,
            parse(new PpoCommand(), "d", "--lora-rank", "4").lora,
            parse(new DpoCommand(), "d", "--lora-rank", "4").lora,
            parse(new OnlineDpoCommand(), "d", "--iterations", "2", "--lora-rank", "4").lora,
            parse(new GrpoCommand(), "d", "--lora-rank", "4").lora};
        for (LoraOptions o : parsed) {
            assertThat(o.config(1)).isNotNull();
            assertThat(o.config(1).rank()).isEqualTo(4);
        }
        assertThat(parse(new GrpoCommand(), "d", "--lora").lora.config(1).rank()).isEqualTo(16);
        assertThat(parse(new GrpoCommand(), "d").lora.config(1)).as("off without the options").isNull();
    }

    @Test
    void ppoRefusesATemperatureOfZeroBeforeTheRunStarts() {
        for (String[] args : new String[][] {{"--temperature", "0"}, {"--temperature", "-1"}, {"--set", "temperature=0"}}) {
            CliTest.Result r = CliTest.run("ppo", tmp.toString(), args[0], args[1]);
            assertThat(r.code()).as(r.err()).isEqualTo(2);
            assertThat(r.err()).contains("--temperature must be at least 0.05");
        }
    }
}
