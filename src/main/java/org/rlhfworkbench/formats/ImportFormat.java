package org.rlhfworkbench.formats;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** File formats the workbench reads. Each line of a JSONL file is one record. */
public enum ImportFormat {
    /** TXT one prompt per line, or JSONL {"prompt": text | messages}. */
    PROMPTS,
    /** JSONL {"prompt","completion"} or {"messages":[{"role","content"}]}. */
    SFT,
    /** TRL preference JSONL {"prompt","chosen","rejected"}, standard or conversational. */
    TRL,
    /** Anthropic HH-RLHF {"chosen","rejected"} full dialogues; the shared prefix is the prompt. */
    HH,
    /** OpenRLHF {"chosen":[messages],"rejected":[messages]}, optional chosen_score / rejected_score. */
    OPENRLHF,
    /** RLHFlow {"prompt","responses":[...],"rewards":[...]}: a K-way ranking by reward. */
    RLHFLOW;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ImportFormat parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown import format '" + s + "'; expected one of "
                    + Arrays.stream(values()).map(ImportFormat::cliName).collect(Collectors.joining(", ")), e);
        }
    }
}
