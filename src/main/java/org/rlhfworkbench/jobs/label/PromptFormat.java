package org.rlhfworkbench.jobs.label;

import java.util.Locale;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;

/**
 * How a prompt is written for the policy model, and how a sampled continuation becomes a
 * response. The sample corpus writes dialogues as "User: ...\nAssistant: ...", so that is the
 * default; project meta {@value #META_TEMPLATE} overrides it ({@value #PLACEHOLDER} marks the
 * prompt text).
 */
public final class PromptFormat {
    public static final String META_TEMPLATE = "prompt_template";
    public static final String PLACEHOLDER = "{prompt}";
    public static final String DEFAULT_TEMPLATE = "User: " + PLACEHOLDER + "\nAssistant:";
    private static final String HH_HUMAN = "\n\nHuman:";
    private static final String HH_ASSISTANT = "\n\nAssistant:";

    private final String template;

    public PromptFormat(String template) {
        this.template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
        if (!this.template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("prompt template must contain " + PLACEHOLDER + ": " + template);
        }
    }

    public static PromptFormat defaults() {
        return new PromptFormat(DEFAULT_TEMPLATE);
    }

    public String template() {
        return template;
    }

    /**
     * The text the model continues: a conversation as "User: ..." / "Assistant: ..." lines then
     * "Assistant:"; an Anthropic HH dialogue ("\n\nHuman: ... \n\nAssistant:") as it is; else the
     * template with the prompt text.
     */
    public String render(Prompt prompt) {
        if (prompt.isConversational()) {
            StringBuilder sb = new StringBuilder();
            for (Message m : prompt.messages()) {
                sb.append(speaker(m.role())).append(": ").append(m.content()).append('\n');
            }
            return sb.append("Assistant:").toString();
        }
        String text = prompt.text();
        if (text.startsWith(HH_HUMAN) && text.endsWith(HH_ASSISTANT)) {
            return text;
        }
        return template.replace(PLACEHOLDER, text);
    }

    private static String speaker(String role) {
        return switch (role.toLowerCase(Locale.ROOT)) {
            case "user", "human" -> "User";
            case "assistant" -> "Assistant";
            case "system" -> "System";
            default -> role;
        };
    }
}
