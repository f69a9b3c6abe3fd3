package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.lm.chat.PromptEncoder;
import org.rlhfworkbench.lm.tokenizer.BpeTrainer;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;
import org.rlhfworkbench.lm.tokenizer.Tokenizers;

/** The project's prompt format: chat when the model has a template (or when asked), plain otherwise. */
class PromptFormatTest {
    @TempDir
    Path dir;
    private Path withTemplate;
    private Path without;

    @BeforeEach
    void models() throws IOException {
        withTemplate = dir.resolve("chat");
        without = dir.resolve("plain");
        BpeTrainer.train("hello world ".repeat(20), 262, List.of("<|endoftext|>")).save(withTemplate);
        BpeTrainer.train("hello world ".repeat(20), 262, List.of("<|endoftext|>")).save(without);
        Files.writeString(withTemplate.resolve("tokenizer_config.json"), "{\"eos_token\": \"<|endoftext|>\","
                + " \"chat_template\": \"{% for m in messages %}<{{ m.role }}>{{ m.content }}{% endfor %}"
                + "{% if add_generation_prompt %}<assistant>{% endif %}\"}");
    }

    private PromptEncoder encoder(PromptFormat f, Path folder) throws IOException {
        try (TextTokenizer tok = Tokenizers.load(folder)) {
            return f.encoder(tok, folder);
        }
    }

    @Test
    void unsetMeansChatWhenTheModelHasATemplateElsePlain() throws IOException {
        Prompt p = new Prompt(1, "hi", List.of(), "t", "train");
        PromptEncoder chat = encoder(new PromptFormat(null, null), withTemplate);
        assertThat(chat.kind()).isEqualTo(PromptEncoder.Kind.CHAT);
        assertThat(chat.render(p)).isEqualTo("<user>hi<assistant>");
        PromptEncoder plain = encoder(new PromptFormat(null, null), without);
        assertThat(plain.kind()).isEqualTo(PromptEncoder.Kind.PLAIN);
        assertThat(plain.render(p)).isEqualTo("User: hi\nAssistant:");
    }

    @Test
    void plainIsPlainEvenWithATemplate() throws IOException {
        PromptEncoder e = encoder(new PromptFormat("plain", "Q: {prompt}\nA:"), withTemplate);
        assertThat(e.render(new Prompt(1, "hi", List.of(), "t", "train"))).isEqualTo("Q: hi\nA:");
    }

    @Test
    void chatWithoutATemplateAndUnknownFormatsAreRefused() {
        assertThatThrownBy(() -> encoder(new PromptFormat("chat", null), without))
                .hasMessageContaining("prompt_format is chat").hasMessageContaining(without.toString());
        assertThatThrownBy(() -> new PromptFormat("jinja", null))
                .hasMessage("project meta prompt_format='jinja' must be chat or plain");
    }
}
