package org.rlhfworkbench.jobs.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One stage of a cluster job: the command that starts it (the engine's entry point) and its
 * flags in order, each with zero values (a switch, "--bf16"), one, or two ("--reward_clip_range -5 5").
 */
public final class LaunchStep {
    private final String name;
    private final String description;
    private final String command;
    private final Map<String, List<String>> flags = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    /**
     * @param name short name, also the launch script's argument ("sft", "rm", "dpo", "ppo")
     * @param command the entry point, e.g. "deepspeed --module openrlhf.cli.train_rm"
     */
    public LaunchStep(String name, String description, String command) {
        this.name = name;
        this.description = description;
        this.command = command;
    }

    public LaunchStep flag(String flag, Object value) {
        flags.put(flag, List.of(value.toString()));
        return this;
    }

    public LaunchStep flag(String flag, Object first, Object second) {
        flags.put(flag, List.of(first.toString(), second.toString()));
        return this;
    }

    public LaunchStep flag(String flag) {
        flags.put(flag, List.of());
        return this;
    }

    /** A project setting this engine has no flag for (written to the README). */
    public LaunchStep note(String text) {
        notes.add(text);
        return this;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String command() {
        return command;
    }

    /** Flag name ("--learning_rate") to its values; empty for a switch. */
    public Map<String, List<String>> flags() {
        return Collections.unmodifiableMap(flags);
    }

    public List<String> notes() {
        return List.copyOf(notes);
    }
}
