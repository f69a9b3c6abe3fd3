package org.rlhfworkbench.jobs.run;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.ModelKind;
import org.rlhfworkbench.jobs.label.ResponseText;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.store.OnlineRepository;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.dpo.IterationSink;
import org.rlhfworkbench.train.dpo.OnlineIteration;

/**
 * Keeps each online DPO round in the project: its responses (tagged with run and iteration, model
 * = the policy that sampled them), reward-model scores (scorer "reward-model:ID") and chosen pairs,
 * in one transaction; and the policy after each round as a model. Both are skipped when already
 * there, so a resumed run writes nothing twice.
 */
final class RoundStore implements IterationSink {
    private final Project project;
    private final long runId;
    private final long sftId;
    private final long rewardId;
    private final LanguageModel policy;
    private final String rule;

    private LoraSetup lora;

    RoundStore(Project project, long runId, long sftId, long rewardId, LanguageModel policy, String rule) {
        this.project = project;
        this.runId = runId;
        this.sftId = sftId;
        this.rewardId = rewardId;
        this.policy = policy;
        this.rule = rule;
    }

    static String modelName(long runId, int iteration) {
        return "online-dpo-" + runId + "-it" + iteration;
    }

    /** The model saved after round {@code iteration} (1-based) of run {@code runId}, or null. */
    static ModelEntry roundModel(Project project, long runId, int iteration) {
        String name = modelName(runId, iteration);
        return project.models().all().stream().filter(m -> m.name().equals(name)).findFirst().orElse(null);
    }

    @Override
    public void generated(OnlineIteration it) {
        int iteration = it.index() + 1;
        if (project.online().hasRound(runId, iteration)) {
            return;
        }
        ModelEntry sampler = iteration == 1 ? null : roundModel(project, runId, iteration - 1);
        Long modelId = sampler == null ? sftId : sampler.id();
        String scorer = "reward-model:" + rewardId;
        project.db().inTransaction(() -> {
            for (int i = 0; i < it.promptIds().size(); i++) {
                List<Long> genIds = new ArrayList<>();
                for (int j = 0; j < it.responses().get(i).size(); j++) {
                    int[] tokens = it.responses().get(i).get(j);
                    String text = ResponseText.clean(policy.tokenizer().decode(tokens, true));
                    long id = project.online().addGeneration(new Generation(0, it.promptIds().get(i), text, tokens.length,
                            modelId, OnlineRepository.SOURCE, null, null), runId, iteration);
                    project.online().addScore(id, scorer, it.scores().get(i)[j]);
                    genIds.add(id);
                }
                for (int[] p : it.pairs()) {
                    if (p[0] == i) {
                        project.online().addPair(runId, iteration, new OnlineRepository.Pair(it.promptIds().get(i),
                                genIds.get(p[1]), genIds.get(p[2]), rule));
                    }
                }
            }
            return null;
        });
    }

    /** Saves round models the way {@code setup} says (an adapter folder under LoRA). */
    RoundStore savingWith(LoraSetup setup) {
        this.lora = setup;
        return this;
    }

    @Override
    public void finished(int iteration, CausalLm model) {
        String name = modelName(runId, iteration + 1);
        String path = "models/" + name;
        if (lora != null) {
            lora.save(model, project.dir().resolve(path), List.of());   // a PEFT adapter under LoRA
        } else {
            LanguageModels.save(model, policy.config(), project.dir().resolve(path), policy.folder());
        }
        if (roundModel(project, runId, iteration + 1) == null) {
            ModelEntry parent = iteration == 0 ? null : roundModel(project, runId, iteration);
            project.models().add(name, ModelKind.POLICY, parent == null ? sftId : parent.id(), path, runId);
        }
    }
}
