package org.rlhfworkbench.jobs.cluster;

import java.util.List;

/**
 * The project's stages as OpenRLHF command lines. Flag names are those of the argparse parsers in
 * OpenRLHF's openrlhf/cli/train_sft.py, train_rm.py, train_dpo.py and train_ppo_ray.py
 * ({@link #SOURCES}); the values come from the project's runs. Every data set is written with
 * rendered prompts, so --input_template is "{}" (OpenRLHF's SFT default would wrap them again).
 */
final class OpenRlhfPlan {
    static final List<String> SOURCES = List.of(
            "OpenRLHF/OpenRLHF openrlhf/cli/train_sft.py (commit f2afba47b67b163bf19221d46e61c2ac4c2a8413)",
            "OpenRLHF/OpenRLHF openrlhf/cli/train_rm.py (commit bdf7dfa5d12272dbaf8cf4a63c42dd5dcea0237a)",
            "OpenRLHF/OpenRLHF openrlhf/cli/train_dpo.py (commit a3be90607985cc843ee650c85bbd4879684c9781)",
            "OpenRLHF/OpenRLHF openrlhf/cli/train_ppo_ray.py (commit f5b3f08a05fd6cbd9a5b712ed931bbb72c24f2c4)");
    static final String RAY_SUBMIT = "ray job submit --address=\"${RAY_ADDRESS:-http://127.0.0.1:8265}\""
            + " --runtime-env-json='{\"working_dir\": \".\"}' -- python3 -m openrlhf.cli.train_ppo_ray";

    private OpenRlhfPlan() {
    }

    static List<LaunchStep> steps(JobInputs in, JobData data) {
        return List.of(sft(in, data), rm(in, data), dpo(in, data), ppo(in, data));
    }

    private static LaunchStep sft(JobInputs in, JobData data) {
        RunSettings s = in.sft();
        return new LaunchStep("sft", "Supervised fine-tuning on the demonstrations",
                "deepspeed --module openrlhf.cli.train_sft")
                .flag("--pretrain", in.baseModel()).flag("--dataset", data.sft())
                .flag("--input_key", "prompt").flag("--output_key", "completion").flag("--input_template", "{}")
                .flag("--max_len", s.integer("maxLength")).flag("--max_epochs", s.integer("epochs"))
                .flag("--train_batch_size", s.integer("batchSize")).flag("--micro_train_batch_size", 1)
                .flag("--learning_rate", s.value("learningRate"))
                .flag("--lr_warmup_ratio", RunSettings.format(round(in.sftWarmupRatio())))
                .flag("--seed", s.integer("seed")).flag("--save_path", "out/sft")
                .flag("--zero_stage", 2).flag("--bf16").flag("--logging_steps", 1)
                .note("valFraction " + s.number("valFraction") + ": OpenRLHF takes a separate --eval_dataset instead");
    }

    private static LaunchStep rm(JobInputs in, JobData data) {
        RunSettings s = in.reward();
        LaunchStep step = new LaunchStep("rm", "Reward model on the preference pairs",
                "deepspeed --module openrlhf.cli.train_rm")
                .flag("--pretrain", in.sftModel()).flag("--dataset", data.preferences())
                .flag("--prompt_key", "prompt").flag("--chosen_key", "chosen").flag("--rejected_key", "rejected")
                .flag("--input_template", "{}").flag("--value_head_prefix", "score")
                .flag("--max_len", s.integer("maxLength")).flag("--max_epochs", s.integer("epochs"))
                .flag("--train_batch_size", s.integer("promptsPerStep") * in.pairsPerPrompt())
                .flag("--micro_train_batch_size", 1).flag("--learning_rate", s.value("learningRate"))
                .flag("--loss", "sigmoid").flag("--seed", s.integer("seed")).flag("--save_path", "out/reward")
                .flag("--zero_stage", 2).flag("--bf16").flag("--logging_steps", 1)
                .note("the workbench trains on all K responses of a prompt at once; OpenRLHF on pairs, so"
                        + " --train_batch_size = promptsPerStep x pairs per prompt");
        if (s.number("centerCoefficient") > 0) {
            step.note("centerCoefficient " + s.number("centerCoefficient") + ": OpenRLHF has no reward-centering loss");
        }
        if (s.number("marginScale") > 0) {
            step.note("marginScale " + s.number("marginScale") + ": OpenRLHF's --margin_loss needs a \"margin\" field"
                    + " per line; not exported");
        }
        return step;
    }

    private static LaunchStep dpo(JobInputs in, JobData data) {
        RunSettings s = in.dpo();
        LaunchStep step = new LaunchStep("dpo", "DPO on the preference pairs (instead of rm + ppo)",
                "deepspeed --module openrlhf.cli.train_dpo")
                .flag("--pretrain", in.sftModel()).flag("--ref_pretrain", in.sftModel())
                .flag("--dataset", data.preferences()).flag("--prompt_key", "prompt")
                .flag("--chosen_key", "chosen").flag("--rejected_key", "rejected").flag("--input_template", "{}")
                .flag("--beta", s.value("beta")).flag("--label_smoothing", s.value("labelSmoothing"))
                .flag("--learning_rate", s.value("learningRate")).flag("--max_epochs", s.integer("epochs"))
                .flag("--max_len", s.integer("maxLength")).flag("--train_batch_size", s.integer("batchSize"))
                .flag("--micro_train_batch_size", 1).flag("--seed", s.integer("seed"))
                .flag("--save_path", "out/dpo").flag("--zero_stage", 2).flag("--bf16").flag("--logging_steps", 1);
        if ("ipo".equalsIgnoreCase(s.text("loss"))) {
            step.flag("--ipo");
        }
        return step;
    }

    private static LaunchStep ppo(JobInputs in, JobData data) {
        RunSettings s = in.ppo();
        int rollout = s.integer("rolloutPrompts");
        int episodes = Math.max(1, (int) Math.ceil(s.integer("steps") * (double) rollout / Math.max(1, data.promptCount())));
        LaunchStep step = new LaunchStep("ppo", "PPO against the reward model (Ray + vLLM)", RAY_SUBMIT)
                .flag("--ref_num_nodes", 1).flag("--ref_num_gpus_per_node", "$GPUS")
                .flag("--reward_num_nodes", 1).flag("--reward_num_gpus_per_node", "$GPUS")
                .flag("--critic_num_nodes", 1).flag("--critic_num_gpus_per_node", "$GPUS")
                .flag("--actor_num_nodes", 1).flag("--actor_num_gpus_per_node", "$GPUS")
                .flag("--vllm_num_engines", "$GPUS").flag("--vllm_tensor_parallel_size", 1)
                .flag("--colocate_all_models")
                .flag("--pretrain", in.sftModel()).flag("--reward_pretrain", in.rewardModel())
                .flag("--value_head_prefix", "score").flag("--save_path", "out/ppo")
                .flag("--prompt_data", data.prompts()).flag("--input_key", "prompt").flag("--input_template", "{}")
                .flag("--advantage_estimator", "gae")
                .flag("--rollout_batch_size", rollout).flag("--micro_rollout_batch_size", 1)
                .flag("--train_batch_size", Math.max(1, rollout / Math.max(1, s.integer("miniBatches"))))
                .flag("--micro_train_batch_size", 1).flag("--max_epochs", s.integer("ppoEpochs"))
                .flag("--num_episodes", episodes).flag("--prompt_max_len", in.sft().integer("maxLength"))
                .flag("--generate_max_len", s.integer("maxNewTokens"))
                .flag("--actor_learning_rate", s.value("learningRate"))
                .flag("--critic_learning_rate", s.value("learningRate"))
                .flag("--init_kl_coef", s.value("klCoef")).flag("--kl_estimator", s.text("klEstimator"))
                .flag("--eps_clip", s.value("cliprange")).flag("--value_clip", s.value("cliprangeValue"))
                .flag("--gamma", s.value("gamma")).flag("--lambd", s.value("lam"))
                .flag("--temperature", s.value("temperature")).flag("--seed", s.integer("seed"))
                .flag("--zero_stage", 3).flag("--bf16").flag("--logging_steps", 1);
        if (s.bool("adaptiveKl")) {
            step.flag("--kl_target", s.value("klTarget")).flag("--kl_horizon", (long) s.number("klHorizon"));
        }
        if (s.number("entropyCoef") > 0) {
            step.flag("--entropy_loss_coef", s.value("entropyCoef"));
        }
        if (s.number("rewardClip") > 0) {
            step.flag("--normalize_reward")
                    .flag("--reward_clip_range", RunSettings.format(-s.number("rewardClip")), s.value("rewardClip"));
        }
        step.note("vfCoef " + s.number("vfCoef") + ": OpenRLHF trains the critic with its own optimizer"
                + " (--critic_learning_rate) instead of a weighted value loss");
        if (s.number("missingEosPenalty") > 0) {
            step.note("missingEosPenalty " + s.number("missingEosPenalty") + ": no OpenRLHF flag; the reward model alone scores");
        }
        if (s.number("ptxCoef") > 0) {
            step.note("ptxCoef " + s.number("ptxCoef") + ": this OpenRLHF version has --ptx_coef but no flag for the"
                    + " demonstration data; not exported");
        }
        return step;
    }

    static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
