package org.rlhfworkbench.lm.chat;

import java.util.Locale;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;

/**
 * The plain prompt format, for models without a chat template (and the bundled sample): the
 * template with {@value #PLACEHOLDER} replaced by the prompt text; a conversation as
 * "User: ..." / "Assistant: ..." lines then "Assistant:"; an Anthropic HH dialogue
 * ("\n\nHuman: ... \n\nAssistant:") as it is.
 */
public record PlainPrompt(String template) {
    public static final String PLACEHOLDER = "{prompt}";
    public static final String DEFAULT_TEMPLATE = "User: " + PLACEHOLDER + "\nAssistant:";
    static final String HH_HUMAN = "\n\nHuman:";
    static final String HH_ASSISTANT = "\n\nAssistant:";

    public PlainPrompt {
        template = template == null || template.isBlank() ? DEFAULT_TEMPLATE : template;
        if (!template.contains(PLACEHOLDER)) {
            throw new IllegalArgumentException("prompt template must contain " + PLACEHOLDER + ": " + template);
        }
    }

    public String render(Prompt prompt) {
        if (prompt.isConversational()) {
            StringBuilder sb = new StringBuilder();
            for (Message m : prompt.messages()) {
                sb.append(speaker(m.role())).append(": ").append(m.content()).append('\n');
            }
            return sb.append("Assistant:").toString();
        }
        String text = prompt.text();
        if (isHhDialogue(text)) {
            return text;
        }
        return template.replace(PLACEHOLDER, text);
    }

    static boolean isHhDialogue(String text) {
        return text.startsWith(HH_HUMAN) && text.endsWith(HH_ASSISTANT);
    }

    /** The response as the model writes it after "Assistant:": a space, then the answer. */
    public static String continuation(String text) {
        return !text.isEmpty() && Character.isWhitespace(text.charAt(0)) ? text : " " + text;
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
