package org.rlhfworkbench.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** File formats the workbench writes (JSONL, one record per line). */
public enum ExportFormat {
    /** TRL preference pairs: each ranking expanded into its ordered pairs; ties give none. */
    TRL,
    /** OpenRLHF reward-model data: full chosen / rejected conversations. */
    OPENRLHF,
    /** RLHFlow: one line per prompt with all responses and their rewards. */
    RLHFLOW,
    /** SFT demonstrations as {"prompt","completion"} or {"messages"}. */
    SFT,
    /** Anthropic HH-RLHF: prompt and response concatenated into full dialogues. */
    HH,
    /** Prompts only, {"prompt"}. */
    PROMPTS;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ExportFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown export format '" + s + "'; expected one of "
                    + Arrays.stream(values()).map(ExportFormat::cliName).collect(Collectors.joining(", ")), e);
        }
    }
}
