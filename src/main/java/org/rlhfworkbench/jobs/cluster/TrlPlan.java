package org.rlhfworkbench.jobs.cluster;

import java.util.List;
import org.rlhfworkbench.core.config.RewardConfig;

/**
 * The project's stages as TRL command lines: `trl sft` and `trl dpo` (TRL's CLI runs them through
 * accelerate), the reward and PPO example scripts of the TRL repository through `accelerate
 * launch`. Flag names are the dataclass fields of TRL's configs ({@link #SOURCES}): SFTConfig,
 * RewardConfig, DPOConfig, PPOConfig + OnPolicyConfig, ModelConfig, ScriptArguments and
 * transformers' TrainingArguments.
 */
final class TrlPlan {
    static final List<String> SOURCES = List.of(
            "huggingface/trl trl/cli.py (commit 02d936cbc04b591f2ff749be3d4615d50703e626): sft, dpo subcommands",
            "huggingface/trl trl/trainer/ppo_config.py (PPOConfig) and trl/trainer/utils.py (OnPolicyConfig)",
            "huggingface/trl examples/scripts/reward_modeling.py, examples/scripts/ppo/ppo.py",
            "not re-read for this export: SFTConfig / RewardConfig / DPOConfig fields max_length,"
                    + " center_rewards_coefficient, beta, loss_type, label_smoothing (TRL's documented API)");
    static final String REWARD_SCRIPT = "accelerate launch \"$TRL_REPO/examples/scripts/reward_modeling.py\"";
    static final String PPO_SCRIPT = "accelerate launch \"$TRL_REPO/examples/scripts/ppo/ppo.py\"";

    private TrlPlan() {
    }

    static List<LaunchStep> steps(JobInputs in, JobData data) {
        return List.of(sft(in, data), rm(in, data), dpo(in, data), ppo(in, data));
    }

    private static LaunchStep sft(JobInputs in, JobData data) {
        RunSettings s = in.sft();
        return new LaunchStep("sft", "Supervised fine-tuning on the demonstrations (prompt/completion)", "trl sft")
                .flag("--model_name_or_path", in.baseModel()).flag("--dataset_name", data.sft())
                .flag("--output_dir", "out/sft").flag("--num_train_epochs", s.integer("epochs"))
                .flag("--per_device_train_batch_size", s.integer("batchSize"))
                .flag("--learning_rate", s.value("learningRate")).flag("--warmup_steps", s.integer("warmupSteps"))
                .flag("--max_length", s.integer("maxLength")).flag("--seed", s.integer("seed"))
                .flag("--logging_steps", 1)
                .note("valFraction " + s.number("valFraction") + ": pass --dataset_test_split and --eval_strategy to evaluate");
    }

    private static LaunchStep rm(JobInputs in, JobData data) {
        RunSettings s = in.reward();
        LaunchStep step = new LaunchStep("rm", "Reward model on the preference pairs", REWARD_SCRIPT)
                .flag("--model_name_or_path", in.sftModel()).flag("--dataset_name", data.preferences())
                .flag("--output_dir", "out/reward").flag("--num_train_epochs", s.integer("epochs"))
                .flag("--per_device_train_batch_size", s.integer("promptsPerStep") * in.pairsPerPrompt())
                .flag("--learning_rate", s.value("learningRate")).flag("--warmup_steps", s.integer("warmupSteps"))
                .flag("--max_length", s.integer("maxLength"))
                .flag("--center_rewards_coefficient", s.value("centerCoefficient"))
                .flag("--seed", s.integer("seed")).flag("--logging_steps", 1);
        if (s.number("marginScale") > 0) {
            step.note("marginScale " + s.number("marginScale") + ": TRL reads a \"margin\" column; not exported");
        }
        return step;
    }

    private static LaunchStep dpo(JobInputs in, JobData data) {
        RunSettings s = in.dpo();
        return new LaunchStep("dpo", "DPO on the preference pairs (instead of rm + ppo)", "trl dpo")
                .flag("--model_name_or_path", in.sftModel()).flag("--dataset_name", data.preferences())
                .flag("--output_dir", "out/dpo").flag("--beta", s.value("beta"))
                .flag("--loss_type", "ipo".equalsIgnoreCase(s.text("loss")) ? "ipo" : "sigmoid")
                .flag("--label_smoothing", s.value("labelSmoothing"))
                .flag("--learning_rate", s.value("learningRate")).flag("--num_train_epochs", s.integer("epochs"))
                .flag("--per_device_train_batch_size", s.integer("batchSize"))
                .flag("--max_length", s.integer("maxLength")).flag("--seed", s.integer("seed"))
                .flag("--logging_steps", 1);
    }

    private static LaunchStep ppo(JobInputs in, JobData data) {
        RunSettings s = in.ppo();
        LaunchStep step = new LaunchStep("ppo", "PPO against the reward model", PPO_SCRIPT)
                .flag("--model_name_or_path", in.sftModel()).flag("--sft_model_path", in.sftModel())
                .flag("--reward_model_path", in.rewardModel()).flag("--dataset_name", data.prompts())
                .flag("--dataset_train_split", "train").flag("--output_dir", "out/ppo")
                .flag("--learning_rate", s.value("learningRate"))
                .flag("--per_device_train_batch_size", s.integer("rolloutPrompts"))
                .flag("--gradient_accumulation_steps", 1)
                .flag("--total_episodes", s.integer("steps") * s.integer("rolloutPrompts"))
                .flag("--num_mini_batches", s.integer("miniBatches")).flag("--num_ppo_epochs", s.integer("ppoEpochs"))
                .flag("--response_length", s.integer("maxNewTokens")).flag("--temperature", s.value("temperature"))
                .flag("--stop_token", "eos")
                .flag("--kl_coef", s.value("klCoef")).flag("--kl_estimator", s.text("klEstimator"))
                .flag("--cliprange", s.value("cliprange")).flag("--cliprange_value", s.value("cliprangeValue"))
                .flag("--vf_coef", s.value("vfCoef")).flag("--gamma", s.value("gamma")).flag("--lam", s.value("lam"))
                .flag("--seed", s.integer("seed")).flag("--logging_steps", 1);
        if (s.number("missingEosPenalty") > 0) {
            step.flag("--missing_eos_penalty", s.value("missingEosPenalty"));
        }
        if (s.bool("adaptiveKl")) {
            step.note("adaptiveKl: TRL's PPOTrainer has a fixed kl_coef only; klTarget " + s.number("klTarget")
                    + " not exported");
        }
        if (s.number("entropyCoef") > 0 || s.number("ptxCoef") > 0 || s.number("rewardClip") > 0) {
            step.note("entropyCoef / ptxCoef / rewardClip: no PPOConfig field in TRL; not exported");
        }
        step.note("per_device_train_batch_size x GPUs x gradient_accumulation_steps is the rollout size:"
                + " divide it by the GPU count on more than one GPU");
        return step;
    }
}
