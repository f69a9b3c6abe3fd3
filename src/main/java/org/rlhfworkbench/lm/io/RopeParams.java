package org.rlhfworkbench.lm.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Rotary position embedding settings as config.json gives them, in either spelling:
 * transformers 4 ({@code rope_theta} plus an optional {@code rope_scaling} object) or transformers 5
 * ({@code rope_parameters} holding {@code rope_type}, {@code rope_theta} and the scaling keys).
 * Supported rope types: "default", "linear" and "llama3"; any other is refused by name.
 *
 * @param type                 rope_type ("default", "linear", "llama3")
 * @param theta                the RoPE base
 * @param factor               scaling factor (linear, llama3); 1 for default
 * @param lowFreqFactor        llama3's low_freq_factor
 * @param highFreqFactor       llama3's high_freq_factor
 * @param originalMaxPositions llama3's original_max_position_embeddings
 * @param inParameters         true when read from (and so written back as) rope_parameters
 */
public record RopeParams(String type, double theta, double factor, double lowFreqFactor, double highFreqFactor,
        int originalMaxPositions, boolean inParameters) {
    public static final List<String> SUPPORTED = List.of("default", "linear", "llama3");

    public RopeParams {
        if (!SUPPORTED.contains(type)) {
            throw new IllegalArgumentException("rope type '" + type + "' is not supported (supported: "
                    + String.join(", ", SUPPORTED) + ")");
        }
        if (!(theta > 0) || !(factor > 0)) {
            throw new IllegalArgumentException("rope_theta and the rope scaling factor must be positive");
        }
    }

    /** Plain RoPE with base {@code theta}, written back as transformers 4 does. */
    public static RopeParams plain(double theta) {
        return new RopeParams("default", theta, 1.0, 1.0, 4.0, 0, false);
    }

    /**
     * Reads the rope settings, consuming the keys. {@code thetaKey} is the family's transformers 4 name
     * for the base ("rope_theta"; GPT-NeoX also accepts "rotary_emb_base").
     */
    public static RopeParams read(ConfigReader in, String thetaKey, double defaultTheta) {
        JsonNode params = in.node("rope_parameters");
        JsonNode scaling = in.node("rope_scaling");
        if (params != null) {
            if (!params.isObject()) {
                throw in.fail("rope_parameters", "must be an object");
            }
            double theta = params.path("rope_theta").isNumber() ? params.get("rope_theta").doubleValue()
                    : in.number(thetaKey, defaultTheta);
            in.consume(thetaKey);
            return fromObject(in, "rope_parameters", params, theta, true);
        }
        double theta = in.number(thetaKey, defaultTheta);
        if (scaling == null) {
            return plain(theta);
        }
        if (!scaling.isObject()) {
            throw in.fail("rope_scaling", "must be an object or null");
        }
        return fromObject(in, "rope_scaling", scaling, theta, false);
    }

    private static RopeParams fromObject(ConfigReader in, String key, JsonNode o, double theta, boolean inParameters) {
        String type = o.path("rope_type").asText(o.path("type").asText("default"));
        if (!SUPPORTED.contains(type)) {
            throw in.fail(key, "has rope_type '" + type + "', which is not supported (supported: "
                    + String.join(", ", SUPPORTED) + ")");
        }
        double factor = o.path("factor").asDouble(1.0);
        if (!type.equals("default") && !(o.path("factor").isNumber() && factor > 0)) {
            throw in.fail(key, "needs a positive \"factor\" for rope_type " + type);
        }
        int original = o.path("original_max_position_embeddings").asInt(0);
        if (type.equals("llama3")) {
            for (String k : List.of("low_freq_factor", "high_freq_factor", "original_max_position_embeddings")) {
                if (!o.path(k).isNumber()) {
                    throw in.fail(key, "needs \"" + k + "\" for rope_type llama3");
                }
            }
        }
        return new RopeParams(type, theta, type.equals("default") ? 1.0 : factor, o.path("low_freq_factor").asDouble(1.0),
                o.path("high_freq_factor").asDouble(4.0), original, inParameters);
    }

    /** Writes the settings back in the spelling they were read in. */
    public void write(ObjectNode out, String thetaKey) {
        if (inParameters) {
            ObjectNode p = out.putObject("rope_parameters");
            p.put("rope_type", type);
            p.put("rope_theta", theta);
            putScaling(p);
            return;
        }
        out.put(thetaKey, theta);
        if (type.equals("default")) {
            out.putNull("rope_scaling");
        } else {
            ObjectNode s = out.putObject("rope_scaling");
            s.put("rope_type", type);
            putScaling(s);
        }
    }

    private void putScaling(ObjectNode o) {
        if (type.equals("default")) {
            return;
        }
        o.put("factor", factor);
        if (type.equals("llama3")) {
            o.put("low_freq_factor", lowFreqFactor);
            o.put("high_freq_factor", highFreqFactor);
            o.put("original_max_position_embeddings", originalMaxPositions);
        }
    }

    /**
     * inv_freq for {@code dim} rotary dimensions, in float32 as transformers computes it:
     * default: inv_freq_i = 1 / theta^(2i / dim); linear: inv_freq / factor; llama3: wavelengths
     * 2 pi / inv_freq longer than original / low_freq_factor are divided by factor, shorter than
     * original / high_freq_factor kept, and those between interpolated with
     * s = (original / wavelen - low) / (high - low): (1 - s) inv_freq / factor + s inv_freq.
     */
    public float[] invFreq(int dim) {
        float[] inv = new float[dim / 2];
        for (int i = 0; i < inv.length; i++) {
            float exponent = (float) (2 * i) / (float) dim;
            inv[i] = 1.0f / (float) Math.pow(theta, exponent);
        }
        switch (type) {
            case "linear" -> {
                for (int i = 0; i < inv.length; i++) {
                    inv[i] = (float) (inv[i] / factor);
                }
            }
            case "llama3" -> llama3(inv);
            default -> {
                // plain RoPE
            }
        }
        return inv;
    }

    private void llama3(float[] inv) {
        double lowWavelen = originalMaxPositions / lowFreqFactor;
        double highWavelen = originalMaxPositions / highFreqFactor;
        for (int i = 0; i < inv.length; i++) {
            float wavelen = (float) (2 * Math.PI / inv[i]);
            float scaled = wavelen > lowWavelen ? (float) (inv[i] / factor) : inv[i];
            boolean medium = !(wavelen < highWavelen) && !(wavelen > lowWavelen);
            if (medium) {
                float s = (float) ((originalMaxPositions / (double) wavelen - lowFreqFactor)
                        / (highFreqFactor - lowFreqFactor));
                scaled = (float) ((1 - s) * scaled / factor) + s * scaled;
            }
            inv[i] = scaled;
        }
    }
}
