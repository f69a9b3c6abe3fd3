package org.rlhfworkbench.lm.family;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.rlhfworkbench.lm.io.ConfigReader;
import org.rlhfworkbench.lm.io.LlamaConfig;

/** Qwen's use_sliding_window / sliding_window pair: a window only when use_sliding_window is true. */
final class QwenWindow {
    private QwenWindow() {
    }

    static Integer read(ConfigReader in) {
        boolean use = in.bool("use_sliding_window", false);
        return use ? in.nullableInteger("sliding_window", 4096) : null; // unused: sliding_window stays in extra
    }

    static void write(LlamaConfig c, ObjectNode out) {
        out.put("use_sliding_window", c.slidingWindow() != null);
        if (c.slidingWindow() != null) {
            out.put("sliding_window", c.slidingWindow());
        }
    }
}
