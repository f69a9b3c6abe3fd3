package org.rlhfworkbench.jobs.label;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.lm.LanguageModel;
import org.rlhfworkbench.lm.chat.ChatTemplate;
import org.rlhfworkbench.lm.chat.PlainPrompt;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.store.Project;

/**
 * The project's prompt format: project meta {@value #META_FORMAT} is {@code chat} (the policy
 * model's chat template) or {@code plain} (the template in meta {@value #META_TEMPLATE}, default
 * "User: {prompt}\nAssistant:", which the sample corpus writes its dialogues in); unset means chat
 * when the model has a chat template, else plain. {@link #encoder} gives the one object that turns
 * prompts and answers into token ids for a model.
 */
public final class PromptFormat {
    public static final String META_FORMAT = "prompt_format";
    public static final String META_TEMPLATE = "prompt_template";
    public static final String CHAT = "chat";
    public static final String PLAIN = "plain";
    public static final String PLACEHOLDER = PlainPrompt.PLACEHOLDER;
    public static final String DEFAULT_TEMPLATE = PlainPrompt.DEFAULT_TEMPLATE;

    private final String format;
    private final PlainPrompt plain;

    /** The plain template {@code template} (null or blank: the default), format chosen by the model. */
    public PromptFormat(String template) {
        this(null, template);
    }

    /** {@code format}: "chat", "plain", or null / blank for chat-when-the-model-has-a-template. */
    public PromptFormat(String format, String template) {
        String f = format == null || format.isBlank() ? null : format.strip().toLowerCase(Locale.ROOT);
        if (f != null && !f.equals(CHAT) && !f.equals(PLAIN)) {
            throw new IllegalArgumentException("project meta " + META_FORMAT + "='" + format + "' must be "
                    + CHAT + " or " + PLAIN);
        }
        this.format = f;
        this.plain = new PlainPrompt(template);
    }

    public static PromptFormat of(Project project) {
        return new PromptFormat(project.meta().get(META_FORMAT), project.meta().get(META_TEMPLATE));
    }

    public static PromptFormat defaults() {
        return new PromptFormat(DEFAULT_TEMPLATE);
    }

    /** "chat", "plain", or null when the model decides (chat when it has a template). */
    public String format() {
        return format;
    }

    /** The plain template. */
    public String template() {
        return plain.template();
    }

    /** The plain-format text of a prompt (what a model without chat template continues). */
    public String render(Prompt prompt) {
        return plain.render(prompt);
    }

    /** The encoder for a loaded model. */
    public PromptEncoder encoder(LanguageModel lm) {
        return encoder(lm.tokenizer(), lm.folder());
    }

    /**
     * The encoder for the model in {@code folder} with tokenizer {@code tok}: its chat template in
     * chat format, else the plain template.
     *
     * @throws IllegalArgumentException when the format is chat and the model has no chat template
     */
    public PromptEncoder encoder(TextTokenizer tok, Path folder) {
        if (PLAIN.equals(format)) {
            return PromptEncoder.plain(tok, plain);
        }
        Optional<ChatTemplate> template = folder == null ? Optional.empty() : ChatTemplate.find(folder);
        if (template.isPresent()) {
            return PromptEncoder.chat(tok, template.get());
        }
        if (CHAT.equals(format)) {
            throw new IllegalArgumentException("project meta " + META_FORMAT + " is " + CHAT + " but the model in "
                    + folder + " has no chat template; set " + META_FORMAT + " to " + PLAIN);
        }
        return PromptEncoder.plain(tok, plain);
    }
}
