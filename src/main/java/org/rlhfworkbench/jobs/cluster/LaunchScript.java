package org.rlhfworkbench.jobs.cluster;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * launch.sh of an exported job: one shell function per step, the model folders as variables
 * (so `./launch.sh all` chains the steps' outputs), and the sources its flag names were checked
 * against in a comment.
 */
final class LaunchScript {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=,+-]+");

    private LaunchScript() {
    }

    static String render(ClusterEngine engine, List<LaunchStep> steps, Map<String, String> variables,
                         List<String> sources) {
        StringBuilder sb = new StringBuilder();
        sb.append("#!/usr/bin/env bash\n");
        sb.append("# Cluster job exported by RLHF Workbench (`rlhf export-job --engine ").append(engine.cliName())
                .append("`). See README.md beside this script.\n");
        sb.append("# Usage: ./launch.sh ").append(String.join("|", steps.stream().map(LaunchStep::name).toList()))
                .append("|all   (all = sft, rm, ppo, each starting from the previous step's output)\n");
        sb.append("#\n# Flag names were taken from these sources of the engine:\n");
        for (String source : sources) {
            sb.append("#   ").append(source).append('\n');
        }
        sb.append("set -euo pipefail\ncd \"$(dirname \"$0\")\"\n\n");
        sb.append("GPUS=\"${GPUS:-8}\"  # GPUs per node\n");
        if (engine == ClusterEngine.TRL) {
            sb.append("TRL_REPO=\"${TRL_REPO:-trl}\"  # a checkout of the TRL repository (example scripts)\n");
        }
        variables.forEach((name, value) -> sb.append(name).append("=\"${").append(name).append(":-").append(value)
                .append("}\"\n"));
        for (LaunchStep step : steps) {
            sb.append("\n# ").append(step.description()).append('\n');
            sb.append("step_").append(step.name()).append("() {\n  ").append(step.command());
            step.flags().forEach((flag, values) -> {
                sb.append(" \\\n    ").append(flag);
                for (String v : values) {
                    sb.append(' ').append(quote(v));
                }
            });
            sb.append("\n}\n");
        }
        sb.append("\ncase \"${1:-}\" in\n");
        for (LaunchStep step : steps) {
            sb.append("  ").append(step.name()).append(") step_").append(step.name()).append(" ;;\n");
        }
        sb.append("  all) step_sft; SFT_MODEL=out/sft; step_rm; REWARD_MODEL=out/reward; step_ppo ;;\n");
        sb.append("  *) echo \"usage: ./launch.sh ")
                .append(String.join("|", steps.stream().map(LaunchStep::name).toList()))
                .append("|all\" >&2; exit 2 ;;\nesac\n");
        return sb.toString();
    }

    /** A shell word: as it is when plain, in double quotes when it names a variable, else in single quotes. */
    static String quote(String v) {
        if (PLAIN.matcher(v).matches()) {
            return v;
        }
        if (v.startsWith("$") && PLAIN.matcher(v.substring(1)).matches()) {
            return "\"" + v + "\"";
        }
        return "'" + v.replace("'", "'\\''") + "'";
    }
}
