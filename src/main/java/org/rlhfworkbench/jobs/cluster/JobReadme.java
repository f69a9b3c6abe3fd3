package org.rlhfworkbench.jobs.cluster;

import java.util.List;
import java.util.Map;

/** README.md of an exported job: what is in the folder and how to run each step. */
final class JobReadme {
    private JobReadme() {
    }

    static String render(String project, ClusterEngine engine, List<LaunchStep> steps, Map<String, String> models,
                         Map<String, String> variables, JobData data, List<String> sources) {
        boolean trl = engine == ClusterEngine.TRL;
        StringBuilder sb = new StringBuilder();
        sb.append("# Cluster job for project ").append(project).append(" (").append(trl ? "TRL" : "OpenRLHF").append(")\n\n");
        sb.append("Exported by RLHF Workbench with `rlhf export-job --engine ").append(engine.cliName())
                .append("`. Everything here is relative to this folder; copy it to the cluster as it is.\n\n");
        sb.append("## Contents\n\n");
        sb.append("- `").append(data.preferences()).append("`: ").append(data.pairs()).append(" preference pairs from ")
                .append(data.rankedPrompts()).append(" ranked prompts, {\"prompt\",\"chosen\",\"rejected\"}\n");
        sb.append("- `").append(data.sft()).append("`: ").append(data.demonstrations())
                .append(" demonstrations, {\"prompt\",\"completion\"}\n");
        sb.append("- `").append(data.prompts()).append("`: ").append(data.promptCount()).append(" prompts, {\"prompt\"}\n");
        sb.append("\nPrompts are already rendered with the project's prompt template and responses start with the space"
                + " the workbench trains on, so the engine sees the same tokens and no chat template is needed.\n\n");
        models.forEach((kind, path) -> sb.append("- `").append(path).append("`: the project's newest ").append(kind)
                .append(" model (Hugging Face folder: config.json, model.safetensors, tokenizer.json)\n"));
        sb.append("- `hyperparameters.json`: the project's settings per stage (from its newest run of each kind, else the"
                + " workbench defaults) and the flags they became\n");
        sb.append("- `launch.sh`: one function per step; flag names checked against the sources listed at its top\n\n");
        sb.append("## Set up\n\n");
        if (trl) {
            sb.append("```\npip install trl accelerate datasets\ngit clone https://github.com/huggingface/trl  # the reward"
                    + " and PPO example scripts; or set TRL_REPO\naccelerate config  # GPUs, DeepSpeed or FSDP\n```\n\n");
        } else {
            sb.append("```\npip install openrlhf[vllm]\nray start --head --num-gpus 8   # on the head node; workers join"
                    + " with ray start --address\n```\n\n");
        }
        sb.append("Variables (override in the environment): `GPUS` (default 8)");
        variables.forEach((k, v) -> sb.append(", `").append(k).append("` (default `").append(v).append("`)"));
        sb.append(".\n\n## Steps\n\n");
        int n = 1;
        for (LaunchStep step : steps) {
            sb.append(n++).append(". `./launch.sh ").append(step.name()).append("`: ").append(step.description())
                    .append(". Runs `").append(step.command()).append("`, writes `out/").append(outName(step))
                    .append("`.\n");
            for (String note : step.notes()) {
                sb.append("   - not mapped: ").append(note).append('\n');
            }
        }
        sb.append("\n`./launch.sh all` runs sft, rm and ppo in turn, each from the previous step's output.\n\n");
        sb.append("## Back into the workbench\n\n```\nrlhf import-model PROJECT_DIR out/ppo --kind policy\n```\n\n"
                + "brings a trained checkpoint back into the project for labeling and comparison.\n\n");
        sb.append("## Sources of the flag names\n\n");
        sources.forEach(s -> sb.append("- ").append(s).append('\n'));
        return sb.toString();
    }

    private static String outName(LaunchStep step) {
        return step.name().equals("rm") ? "reward" : step.name();
    }
}
