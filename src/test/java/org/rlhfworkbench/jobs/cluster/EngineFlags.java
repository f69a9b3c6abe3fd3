package org.rlhfworkbench.jobs.cluster;

import java.util.Map;
import java.util.Set;
import org.rlhfworkbench.core.config.RewardConfig;

/**
 * The flags each engine entry point accepts, copied by hand from the engines' sources (not from
 * the code under test): OpenRLHF's argparse parsers in openrlhf/cli/train_sft.py, train_rm.py,
 * train_dpo.py, train_ppo_ray.py; TRL's dataclasses SFTConfig, RewardConfig, DPOConfig,
 * PPOConfig + OnPolicyConfig, ModelConfig, ScriptArguments and transformers' TrainingArguments.
 * Only the parts these tests need; a flag missing here fails the test until checked upstream.
 */
final class EngineFlags {
    private static final Set<String> OPENRLHF_DEEPSPEED = Set.of("--save_path", "--save_steps", "--logging_steps",
            "--eval_steps", "--ckpt_path", "--max_ckpt_num", "--load_checkpoint", "--micro_train_batch_size",
            "--train_batch_size", "--max_norm", "--gradient_checkpointing", "--seed", "--local_rank", "--zero_stage",
            "--bf16", "--zpg", "--adam_offload", "--flash_attn", "--learning_rate", "--l2", "--adam_betas", "--max_epochs", "--pretrain", "--dataset", "--dataset_probs",
            "--max_samples", "--input_template", "--apply_chat_template", "--max_len", "--use_wandb",
            "--packing_samples", "--lora_rank", "--lora_alpha", "--target_modules");

    static final Map<String, Set<String>> OPENRLHF = Map.of(
            "sft", union(OPENRLHF_DEEPSPEED, Set.of("--input_key", "--output_key", "--pretrain_mode", "--multiturn",
                    "--tokenizer_chat_template", "--eval_dataset", "--train_split", "--eval_split", "--lr_warmup_ratio",
                    "--lr_scheduler", "--use_tensorboard")),
            "rm", union(OPENRLHF_DEEPSPEED, Set.of("--value_head_prefix", "--prompt_key", "--chosen_key",
                    "--rejected_key", "--loss", "--margin_loss", "--compute_fp32_loss", "--train_split", "--eval_split")),
            "dpo", union(OPENRLHF_DEEPSPEED, Set.of("--ref_pretrain", "--beta", "--ipo", "--label_smoothing",
                    "--nll_loss_coef", "--ref_offload", "--prompt_key", "--chosen_key", "--rejected_key",
                    "--eval_dataset", "--dataset_split", "--lr_warmup_ratio", "--lr_scheduler", "--use_tensorboard")),
            "ppo", Set.of("--ref_num_nodes", "--ref_num_gpus_per_node", "--reward_num_nodes",
                    "--reward_num_gpus_per_node", "--colocate_actor_ref", "--actor_num_nodes", "--actor_num_gpus_per_node",
                    "--critic_num_nodes", "--critic_num_gpus_per_node", "--colocate_critic_reward", "--colocate_all_models",
                    "--vllm_num_engines", "--vllm_tensor_parallel_size", "--vllm_gpu_memory_utilization",
                    "--vllm_enable_sleep", "--save_path", "--save_steps", "--logging_steps", "--eval_steps",
                    "--ckpt_path", "--zero_stage", "--bf16", "--gradient_checkpointing", "--adam_offload",
                    "--flash_attn", "--num_episodes", "--rollout_batch_size", "--micro_rollout_batch_size",
                    "--max_epochs", "--prompt_max_len", "--generate_max_len", "--max_samples", "--max_norm", "--l2",
                    "--ptx_coef", "--eps_clip", "--value_clip", "--lambd", "--gamma", "--micro_train_batch_size",
                    "--train_batch_size", "--normalize_reward", "--top_p", "--temperature", "--seed",
                    "--actor_learning_rate", "--critic_learning_rate", "--lr_warmup_ratio", "--kl_target",
                    "--kl_horizon", "--init_kl_coef", "--kl_estimator", "--entropy_loss_coef", "--reward_clip_range",
                    "--advantage_estimator", "--pretrain", "--reward_pretrain", "--critic_pretrain",
                    "--value_head_prefix", "--prompt_data", "--input_key", "--label_key", "--input_template",
                    "--apply_chat_template", "--n_samples_per_prompt"));

    private static final Set<String> TRAINING_ARGUMENTS = Set.of("--model_name_or_path", "--dataset_name",
            "--dataset_config", "--dataset_train_split", "--dataset_test_split", "--output_dir", "--num_train_epochs",
            "--per_device_train_batch_size", "--gradient_accumulation_steps", "--learning_rate", "--warmup_steps",
            "--warmup_ratio", "--seed", "--logging_steps", "--bf16", "--eval_strategy", "--save_steps",
            "--gradient_checkpointing", "--report_to", "--max_steps");

    static final Map<String, Set<String>> TRL = Map.of(
            "sft", union(TRAINING_ARGUMENTS, Set.of("--max_length", "--packing", "--completion_only_loss")),
            "rm", union(TRAINING_ARGUMENTS, Set.of("--max_length", "--center_rewards_coefficient", "--disable_dropout")),
            "dpo", union(TRAINING_ARGUMENTS, Set.of("--beta", "--loss_type", "--label_smoothing", "--max_length",
                    "--max_prompt_length", "--ref_model_init_kwargs")),
            "ppo", union(TRAINING_ARGUMENTS, Set.of("--sft_model_path", "--reward_model_path", "--num_ppo_epochs",
                    "--whiten_rewards", "--kl_coef", "--kl_estimator", "--cliprange", "--vf_coef", "--cliprange_value",
                    "--gamma", "--lam", "--num_mini_batches", "--total_episodes", "--local_rollout_forward_batch_size",
                    "--response_length", "--stop_token", "--stop_token_id", "--temperature", "--missing_eos_penalty")));

    private EngineFlags() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
