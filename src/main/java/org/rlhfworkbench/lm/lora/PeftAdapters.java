package org.rlhfworkbench.lm.lora;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.rlhfworkbench.core.config.LoraConfig;
import org.rlhfworkbench.lm.io.AtomicFiles;
import org.rlhfworkbench.lm.io.CheckpointException;
import org.rlhfworkbench.lm.io.JsonFormat;
import org.rlhfworkbench.lm.io.SafeTensors;
import org.rlhfworkbench.lm.io.TensorData;

/**
 * PEFT's LoRA folder format: adapter_config.json (peft_type "LORA", r, lora_alpha, target_modules,
 * base_model_name_or_path, ...) and adapter_model.safetensors whose keys are the model's module names
 * under "base_model.model.", e.g. base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight
 * (r, in) and ...lora_B.weight (out, r); modules_to_save tensors keep their own name under the
 * same prefix (base_model.model.score.weight). GPT-2's Conv1D layers are marked fan_in_fan_out,
 * which changes how PEFT merges, not the shapes of A and B.
 */
public final class PeftAdapters {
    public static final String CONFIG = "adapter_config.json";
    public static final String WEIGHTS = "adapter_model.safetensors";
    static final String PREFIX = "base_model.model.";

    /** What a save writes besides the tensors. */
    public record Meta(String baseModel, String taskType, boolean fanInFanOut) {
        public static final String CAUSAL_LM = "CAUSAL_LM";
        /** A reward model: PEFT's sequence classification, with "score" in modules_to_save. */
        public static final String SEQ_CLS = "SEQ_CLS";
    }

    private PeftAdapters() {
    }

    /** True for a folder holding a PEFT adapter. */
    public static boolean isAdapter(Path folder) {
        return Files.isRegularFile(folder.resolve(CONFIG));
    }

    /**
     * Writes adapter_config.json and adapter_model.safetensors into {@code folder}.
     *
     * @param modulesToSave fully trained tensors by HF name (e.g. "score.weight"); empty for none
     */
    public static void write(Path folder, LoraAdapter adapter, LoraConfig cfg, Meta meta,
                             Map<String, NDArray> modulesToSave) {
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        adapter.modules().forEach((module, m) -> {
            put(tensors, PREFIX + module + ".lora_A.weight", m.a());
            put(tensors, PREFIX + module + ".lora_B.weight", m.b());
        });
        modulesToSave.forEach((name, t) -> put(tensors, PREFIX + name, t));
        ObjectNode o = JsonFormat.MAPPER.createObjectNode();
        o.putObject("alpha_pattern");
        o.putNull("auto_mapping");
        o.put("base_model_name_or_path", meta.baseModel());
        o.put("bias", "none");
        o.put("fan_in_fan_out", meta.fanInFanOut());
        o.put("inference_mode", true);
        o.put("init_lora_weights", true);
        o.putNull("layers_pattern");
        o.putNull("layers_to_transform");
        if (cfg.alpha() == Math.rint(cfg.alpha())) {
            o.put("lora_alpha", (int) cfg.alpha());   // PEFT writes an int
        } else {
            o.put("lora_alpha", cfg.alpha());
        }
        o.put("lora_dropout", cfg.dropout());
        if (modulesToSave.isEmpty()) {
            o.putNull("modules_to_save");
        } else {
            ArrayNode saved = o.putArray("modules_to_save");
            modulesToSave.keySet().stream().map(n -> n.substring(0, n.lastIndexOf('.'))).distinct().forEach(saved::add);
        }
        o.put("peft_type", "LORA");
        o.put("r", cfg.rank());
        o.putObject("rank_pattern");
        o.putNull("revision");
        ArrayNode targets = o.putArray("target_modules");
        LoraTargets.names(adapter.modules().keySet()).forEach(targets::add);
        o.put("task_type", meta.taskType());
        o.put("use_dora", false);
        o.put("use_rslora", cfg.rsLora());
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CheckpointException("cannot create " + folder + ": " + e.getMessage(), e);
        }
        SafeTensors.write(folder.resolve(WEIGHTS), tensors, Map.of("format", "pt"));
        AtomicFiles.writeString(folder.resolve(CONFIG), JsonFormat.pretty(o));
    }

    private static void put(Map<String, TensorData> out, String name, NDArray a) {
        out.put(name, TensorData.ofFloats(name, a.getShape().getShape(), a.toFloatArray()));
    }

    /** base_model_name_or_path of an adapter folder, without reading its tensors. */
    public static String baseName(Path folder) {
        Path cfgFile = folder.resolve(CONFIG);
        try {
            String base = JsonFormat.MAPPER.readTree(cfgFile.toFile()).path("base_model_name_or_path").asText("");
            if (base.isBlank()) {
                throw new CheckpointException(cfgFile + ": base_model_name_or_path is missing");
            }
            return base;
        } catch (IOException e) {
            throw new CheckpointException(cfgFile + " is not readable JSON: " + e.getMessage(), e);
        }
    }

    /** Rewrites base_model_name_or_path (e.g. after the adapter folder was copied elsewhere). */
    public static void rebase(Path folder, String base) {
        Path cfgFile = folder.resolve(CONFIG);
        try {
            ObjectNode o = (ObjectNode) JsonFormat.MAPPER.readTree(cfgFile.toFile());
            o.put("base_model_name_or_path", base);
            AtomicFiles.writeString(cfgFile, JsonFormat.pretty(o));
        } catch (IOException | ClassCastException e) {
            throw new CheckpointException(cfgFile + " is not a readable JSON object: " + e.getMessage(), e);
        }
    }

    /** Reads a PEFT LoRA folder; anything it cannot use exactly fails with one line naming the file. */
    public static PeftAdapter read(Path folder) {
        Path cfgFile = folder.resolve(CONFIG);
        JsonNode c;
        try {
            c = JsonFormat.MAPPER.readTree(cfgFile.toFile());
        } catch (IOException e) {
            throw new CheckpointException(cfgFile + " is not readable JSON: " + e.getMessage(), e);
        }
        String type = c.path("peft_type").asText("");
        if (!type.equals("LORA")) {
            throw new CheckpointException(cfgFile + ": peft_type '" + type + "' is not supported (only LORA)");
        }
        refuse(cfgFile, c.path("use_dora").asBoolean(false), "use_dora is true (DoRA is not supported)");
        refuse(cfgFile, !c.path("bias").asText("none").equals("none"), "bias is '" + c.path("bias").asText()
                + "' (only \"none\" is supported)");
        refuse(cfgFile, c.path("alpha_pattern").size() > 0, "alpha_pattern is not supported");
        String base = c.path("base_model_name_or_path").asText("");
        refuse(cfgFile, base.isBlank(), "base_model_name_or_path is missing");
        int r = c.path("r").asInt(8);
        float alpha = (float) c.path("lora_alpha").asDouble(8);
        boolean rs = c.path("use_rslora").asBoolean(false);
        float dropout = (float) c.path("lora_dropout").asDouble(0);
        Path file = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(folder + " has no " + WEIGHTS
                    + (Files.exists(folder.resolve("adapter_model.bin")) ? " (only adapter_model.bin: save with"
                    + " safe_serialization=True)" : ""));
        }
        Map<String, TensorData> a = new LinkedHashMap<>();
        Map<String, TensorData> b = new LinkedHashMap<>();
        Map<String, TensorData> saved = new LinkedHashMap<>();
        for (TensorData t : SafeTensors.read(file).values()) {
            String key = t.name();
            if (!key.startsWith(PREFIX)) {
                throw new CheckpointException(file + ": tensor " + key + " does not start with " + PREFIX);
            }
            String name = key.substring(PREFIX.length()).replace(".default.", ".");
            if (name.endsWith(".lora_A.weight")) {
                a.put(name.substring(0, name.length() - ".lora_A.weight".length()), t);
            } else if (name.endsWith(".lora_B.weight")) {
                b.put(name.substring(0, name.length() - ".lora_B.weight".length()), t);
            } else if (name.contains("lora_") || name.contains("lora_magnitude")) {
                throw new CheckpointException(file + ": tensor " + key + " is not a plain LoRA A or B");
            } else {
                saved.put(name.replace(".modules_to_save.", "."), t);
            }
        }
        if (!a.keySet().equals(b.keySet())) {
            throw new CheckpointException(file + ": lora_A and lora_B tensors do not pair up (A for " + a.size()
                    + " modules, B for " + b.size() + ")");
        }
        Map<String, Float> scale = new LinkedHashMap<>();
        a.forEach((module, t) -> scale.put(module, LoraConfig.scaling(alpha, (int) t.shape()[0], rs)));
        if (!a.isEmpty() && a.values().stream().noneMatch(t -> t.shape()[0] == r) && c.path("rank_pattern").isEmpty()) {
            throw new CheckpointException(file + ": no lora_A has rank r = " + r + " from " + cfgFile);
        }
        return new PeftAdapter(folder, base, alpha, rs, dropout, a, b, scale, saved);
    }

    /**
     * The base model's folder: base_model_name_or_path as an absolute path, else relative to the
     * adapter folder or any folder above it (a project's "models/sft-3" from "models/ppo-5").
     */
    public static Path resolveBase(Path adapterFolder, String base) {
        Path p = Path.of(base);
        if (p.isAbsolute()) {
            return requireFolder(adapterFolder, p, base);
        }
        for (Path dir = adapterFolder.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(p).normalize();
            if (!candidate.equals(adapterFolder.toAbsolutePath().normalize())
                    && (Files.isRegularFile(candidate.resolve("config.json")) || isAdapter(candidate))) {
                return candidate;
            }
        }
        return requireFolder(adapterFolder, p, base);
    }

    private static Path requireFolder(Path adapterFolder, Path p, String base) {
        if (!Files.isRegularFile(p.resolve("config.json")) && !isAdapter(p)) {
            throw new CheckpointException(adapterFolder.resolve(CONFIG) + ": base model '" + base
                    + "' is not a model folder here (nothing is downloaded; put the base model there or edit"
                    + " base_model_name_or_path)");
        }
        return p;
    }

    private static void refuse(Path file, boolean bad, String what) {
        if (bad) {
            throw new CheckpointException(file + ": " + what);
        }
    }
}
