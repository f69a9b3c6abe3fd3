package org.rlhfworkbench.ui.reward;

/** A prompt in the "score any text" picker: its id and a one-line preview. */
public record PromptChoice(long id, String preview) {
    static final int PREVIEW_CHARS = 120;

    static PromptChoice of(long id, String text) {
        String line = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return new PromptChoice(id, "#" + id + "  " + (line.length() <= PREVIEW_CHARS ? line
                : line.substring(0, PREVIEW_CHARS - 1) + "…"));
    }

    @Override
    public String toString() {
        return preview;
    }
}
