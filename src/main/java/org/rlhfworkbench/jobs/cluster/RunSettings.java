package org.rlhfworkbench.jobs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.Optional;
import org.rlhfworkbench.core.RunRecord;
import org.rlhfworkbench.store.Project;

/**
 * The hyperparameters of one stage as the project last ran it: the defaults of the stage's config
 * record, overlaid with the config saved by the newest run of that kind (runs/&lt;id&gt;/config.json,
 * also in the run row). Fields are read by their record names ("learningRate").
 */
public final class RunSettings {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String kind;
    private final ObjectNode values;
    private final Long runId;

    private RunSettings(String kind, ObjectNode values, Long runId) {
        this.kind = kind;
        this.values = values;
        this.runId = runId;
    }

    /**
     * @param kind run kind ("sft", "reward", "ppo", "dpo")
     * @param section where the stage config sits inside the run config ("sft" in {"fromModel", "sft": {...}})
     * @param defaults the stage's defaults: a config record or an ObjectNode
     */
    public static RunSettings latest(Project project, String kind, String section, Object defaults) {
        ObjectNode values = JSON.valueToTree(defaults);
        Optional<RunRecord> run = project.runs().all().stream().filter(r -> r.kind().equals(kind))
                .filter(r -> r.configJson() != null && !r.configJson().isBlank())
                .max(Comparator.comparingLong(RunRecord::id));
        if (run.isPresent()) {
            JsonNode saved = read(run.get().configJson());
            JsonNode stage = saved.has(section) ? saved.get(section) : saved;
            if (stage.isObject()) {
                stage.fields().forEachRemaining(f -> values.set(f.getKey(), f.getValue()));
            }
        }
        return new RunSettings(kind, values, run.map(RunRecord::id).orElse(null));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a saved run config is not valid JSON: " + e.getMessage(), e);
        }
    }

    public String kind() {
        return kind;
    }

    /** The run the values come from; empty when the project has no run of this kind (defaults). */
    public Optional<Long> runId() {
        return Optional.ofNullable(runId);
    }

    public double number(String field) {
        return node(field).asDouble();
    }

    /**
     * A number as a flag value: the shortest decimal that reads back as the saved value, so a
     * float learning rate 1e-4 is "0.0001", not "9.999999747378752E-5".
     */
    public String value(String field) {
        JsonNode n = node(field);
        return n.isFloat() ? format(new java.math.BigDecimal(Float.toString(n.floatValue())))
                : format(java.math.BigDecimal.valueOf(n.asDouble()));
    }

    static String format(double v) {
        return format(java.math.BigDecimal.valueOf(v));
    }

    private static String format(java.math.BigDecimal v) {
        java.math.BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    public int integer(String field) {
        return node(field).asInt();
    }

    public String text(String field) {
        return node(field).asText();
    }

    public boolean bool(String field) {
        return node(field).asBoolean();
    }

    public ObjectNode values() {
        return values.deepCopy();
    }

    private JsonNode node(String field) {
        JsonNode n = values.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalStateException(kind + " settings have no field '" + field + "'");
        }
        return n;
    }
}
