package org.rlhfworkbench.jobs.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.LanguageModels;
import org.rlhfworkbench.lm.lora.LoraAdapter;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.lora.PeftAdapter;
import org.rlhfworkbench.lm.lora.PeftAdapters;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.lm.model.LinearAdapter;
import org.rlhfworkbench.store.Project;

/**
 * LoRA in a training job: the adapter attached to the model being trained (so its trainers train A
 * and B only), the reference as the same base with the adapter off (one copy of the weights), and
 * the result saved as a PEFT adapter folder over the starting model's folder. Off: full fine-tuning.
 */
final class LoraSetup {
    private final LoraConfig cfg;
    private final LanguageModel lm;
    private final LoraAdapter adapter;
    private final String base;

    private LoraSetup(LoraConfig cfg, LanguageModel lm, LoraAdapter adapter, String base) {
        this.cfg = cfg;
        this.lm = lm;
        this.adapter = adapter;
        this.base = base;
    }

    /** Attaches a fresh adapter to {@code lm} when {@code cfg} is on (null counts as off). */
    static LoraSetup of(Project project, LanguageModel lm, LoraConfig cfg) {
        if (cfg == null || !cfg.enabled()) {
            return new LoraSetup(LoraConfig.off(), lm, null, null);
        }
        return new LoraSetup(cfg, lm, LoraAdapter.attach(lm.model(), cfg), baseName(project, lm.folder()));
    }

    boolean on() {
        return adapter != null;
    }

    /** The frozen base: the trained model with its adapter switched off (LoRA only). */
    CausalLm reference() {
        if (adapter == null) {
            throw new IllegalStateException("without LoRA the reference is a separate copy");
        }
        return lm.model().withAdapter(LinearAdapter.NONE);
    }

    /**
     * The reward model as a view of this job's base, when it is a LoRA adapter of the very folder the
     * policy was loaded from (LoRA only): its adapter and head over the same weights, no second copy.
     */
    Optional<CausalLm> sharedReward(Path rmFolder) {
        if (adapter == null || !PeftAdapters.isAdapter(rmFolder)) {
            return Optional.empty();
        }
        Path rmBase = PeftAdapters.resolveBase(rmFolder, PeftAdapters.baseName(rmFolder));
        if (!rmBase.toAbsolutePath().normalize().equals(lm.folder().toAbsolutePath().normalize())) {
            return Optional.empty();
        }
        PeftAdapter rm = PeftAdapters.read(rmFolder);
        LoraAdapter rmAdapter = rm.toAdapter(lm.model());
        rm.saved().forEach((name, t) -> {   // the head (score.weight): not trained, not saved with the policy
            NDArray arr = lm.model().manager().create(t.toFloats(), new Shape(t.shape()));
            NDScope.unregister(arr);
            lm.model().weights().put(name, arr);
        });
        return Optional.of(lm.model().withAdapter(rmAdapter));
    }

    /** "LoRA r 16, alpha 32.0, all-linear: 1.1M trainable of 494M" for the run log. */
    String describe() {
        long all = lm.model().weights().count();
        if (adapter == null) {
            return cfg.describe() + ": " + all + " trainable parameters";
        }
        long own = adapter.parameters().values().stream().mapToLong(NDArray::size).sum();
        return cfg.describe() + ": " + own + " trainable of " + all + " frozen base parameters";
    }

    /**
     * Saves the trained model: a PEFT adapter folder (with {@code alsoSave}, e.g. the reward head,
     * as modules_to_save) under LoRA, else the full model folder.
     */
    void save(Path folder, List<String> alsoSave) {
        save(lm.model(), folder, alsoSave);
    }

    /** As {@link #save(Path, List)} for {@code model}, which is this setup's model. */
    void save(CausalLm model, Path folder, List<String> alsoSave) {
        if (adapter == null) {
            LanguageModels.save(model, lm.config(), folder, lm.folder());
            return;
        }
        Map<String, NDArray> extra = new LinkedHashMap<>();
        alsoSave.forEach(n -> extra.put(n, model.weights().get(n)));
        LanguageModels.saveAdapter(adapter, cfg, lm.config(), folder, base, lm.folder(), extra);
    }

    /** The starting folder as adapter_config.json names it: relative to the project when inside it. */
    static String baseName(Project project, Path folder) {
        Path dir = project.dir().toAbsolutePath().normalize();
        Path f = folder.toAbsolutePath().normalize();
        return (f.startsWith(dir) ? dir.relativize(f) : f).toString();
    }
}
