package org.rlhfworkbench.lm.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rlhfworkbench.core.Message;

/**
 * The shipped chat templates of Qwen2.5-Instruct, Qwen3, Llama-3.2-Instruct and SmolLM2-Instruct
 * (tokenizer_config.json files under src/test/resources/chat, templates copied verbatim from
 * TRL's trl/chat_templates/{qwen2_5,qwen3,llama3_2}.jinja, TRL's record of the originals, and from
 * SmolLM2's tokenizer_config.json). Every expected string was worked out by hand from the template
 * text, step by step as the comments say (trim_blocks drops the newline after a block tag,
 * lstrip_blocks the indentation before it, "-" the white space on that side); the same cases are
 * cross-checked against Python's Jinja2 by src/test/python/chat_templates.py.
 */
class RealChatTemplatesTest {
    private static final String QWEN_SYSTEM = "<|im_start|>system\nYou are Qwen, created by Alibaba Cloud. You are a"
            + " helpful assistant.<|im_end|>\n";
    private static final String LLAMA_HEADER = "<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
            + "Cutting Knowledge Date: December 2023\nToday Date: 26 Jul 2024\n\n";

    static ChatTemplate template(String model) {
        try {
            Path dir = Path.of(RealChatTemplatesTest.class.getResource("/chat/" + model).toURI());
            return ChatTemplate.find(dir).orElseThrow();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Message> turns(String... roleContent) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < roleContent.length; i += 2) {
            out.add(new Message(roleContent[i], roleContent[i + 1]));
        }
        return out;
    }

    private static String llama(List<Message> messages, boolean generationPrompt) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Message m : messages) {
            maps.add(new LinkedHashMap<>(Map.of("role", m.role(), "content", m.content())));
        }
        return template("llama-3.2-instruct").renderMaps(maps, generationPrompt, Map.of("date_string", "26 Jul 2024"));
    }

    @Test
    void qwen25AddsItsDefaultSystemTurnWhenTheFirstMessageIsNotSystem() {
        // no tools; messages[0] is user -> the else branch writes Qwen's default system turn; the user turn is
        // '<|im_start|>' + role + '\n' + content + '<|im_end|>' + '\n'; add_generation_prompt adds '<|im_start|>assistant\n'
        assertThat(template("qwen2.5-instruct").render(turns("user", "Hello"), true))
                .isEqualTo(QWEN_SYSTEM + "<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void qwen25UsesAGivenSystemMessageOnce() {
        // messages[0] is system -> written before the loop; in the loop the first system is skipped (not loop.first fails)
        assertThat(template("qwen2.5-instruct").render(turns("system", "Be brief.", "user", "Hi"), true))
                .isEqualTo("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                        + "<|im_start|>assistant\n");
    }

    @Test
    void qwen25MultiTurnWithoutGenerationPrompt() {
        // an assistant without tool_calls takes the first branch like a user turn; no generation prompt at the end
        assertThat(template("qwen2.5-instruct").render(turns("user", "Hi", "assistant", "Hello!", "user", "How are you?"),
                false)).isEqualTo(QWEN_SYSTEM + "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"
                + "<|im_start|>user\nHow are you?<|im_end|>\n");
    }

    @Test
    void qwen3SingleTurnOpensTheAssistantTurnWithoutAThinkBlock() {
        // no system turn by default; enable_thinking is not defined -> only '<|im_start|>assistant\n'
        assertThat(template("qwen3").render(turns("user", "Hello"), true))
                .isEqualTo("<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void qwen3WithThinkingDisabledAddsAnEmptyThinkBlock() {
        // enable_thinking is defined and false -> '<think>\n\n</think>\n\n' after the assistant header
        String text = template("qwen3").renderMaps(List.of(Map.of("role", "user", "content", "Hello")), true,
                Map.of("enable_thinking", false));
        assertThat(text).isEqualTo("<|im_start|>user\nHello<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\n");
    }

    @Test
    void qwen3KeepsEarlierAssistantTurnsPlainAndTheLastOneWithItsReasoning() {
        // reversed scan: the last user turn is index 1, so ns.last_query_index = 1; the assistant at index 2 is
        // loop.last -> '<think>\n' + reasoning.strip('\n') + '\n</think>\n\n' + content.lstrip('\n'), where
        // reasoning = content.split('</think>')[0].rstrip('\n').split('<think>')[-1].lstrip('\n') = "hmm" and
        // content = content.split('</think>')[-1].lstrip('\n') = "Hello!"
        String text = template("qwen3").render(turns("system", "S", "user", "Hi", "assistant",
                "<think>\nhmm\n</think>\n\nHello!"), false);
        assertThat(text).isEqualTo("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n"
                + "<|im_start|>assistant\n<think>\nhmm\n</think>\n\nHello!<|im_end|>\n");
    }

    @Test
    void qwen3AddsAnEmptyThinkBlockToTheFinalAnswerButNotToEarlierOnes() {
        // [user, assistant] without generation prompt: index 1 > last_query_index 0 and loop.last -> empty think block
        assertThat(template("qwen3").render(turns("user", "Hi", "assistant", "Hello!"), false))
                .isEqualTo("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n<think>\n\n</think>\n\nHello!"
                        + "<|im_end|>\n");
        // three turns: last_query_index = 2, so the assistant at index 1 is written as '<|im_start|>assistant\n' + content
        assertThat(template("qwen3").render(turns("user", "Hi", "assistant", "Hello!", "user", "How are you?"), true))
                .isEqualTo("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello!<|im_end|>\n"
                        + "<|im_start|>user\nHow are you?<|im_end|>\n<|im_start|>assistant\n");
    }

    @Test
    void llama32WritesBosTheDatedSystemHeaderAndTrimmedTurns() {
        // bos_token, then the system header with an empty system_message, '<|eot_id|>'; each turn is
        // '<|start_header_id|>' + role + '<|end_header_id|>\n\n' + content|trim + '<|eot_id|>'
        assertThat(llama(turns("user", "  Hello \n"), true)).isEqualTo(LLAMA_HEADER + "<|eot_id|>"
                + "<|start_header_id|>user<|end_header_id|>\n\nHello<|eot_id|>"
                + "<|start_header_id|>assistant<|end_header_id|>\n\n");
    }

    @Test
    void llama32MovesTheSystemMessageIntoTheHeader() {
        // messages[0] is system: system_message = content|trim, messages = messages[1:]
        assertThat(llama(turns("system", " Be brief. ", "user", "Hi", "assistant", "Hello!"), false))
                .isEqualTo(LLAMA_HEADER + "Be brief.<|eot_id|><|start_header_id|>user<|end_header_id|>\n\nHi<|eot_id|>"
                        + "<|start_header_id|>assistant<|end_header_id|>\n\nHello!<|eot_id|>");
    }

    @Test
    void llama32TakesTodaysDateFromStrftimeNowWhenNoDateIsGiven() {
        // date_string undefined, strftime_now defined -> strftime_now("%d %b %Y") of the clock: 2 Dec 2026 -> "02 Dec 2026"
        Clock clock = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);
        String text = template("llama-3.2-instruct").withClock(clock).render(turns("user", "Hi"), true);
        assertThat(text).startsWith("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n"
                + "Cutting Knowledge Date: December 2023\nToday Date: 02 Dec 2026\n\n<|eot_id|>");
    }

    @Test
    void smolLm2AddsItsSystemTurnOnlyWhenNoneIsGiven() {
        ChatTemplate smol = template("smollm2-instruct");
        // loop.first and messages[0]['role'] != 'system' -> SmolLM's system turn, then each message as ChatML
        assertThat(smol.render(turns("user", "Hello"), true)).isEqualTo("<|im_start|>system\nYou are a helpful AI"
                + " assistant named SmolLM, trained by Hugging Face<|im_end|>\n<|im_start|>user\nHello<|im_end|>\n"
                + "<|im_start|>assistant\n");
        assertThat(smol.render(turns("system", "S", "user", "Hi", "assistant", "Yo"), false))
                .isEqualTo("<|im_start|>system\nS<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nYo"
                        + "<|im_end|>\n");
    }

    @Test
    void aToolCallTurnWithoutContentRendersThroughQwen25sToolBranch() {
        // content absent, tool_calls present -> the elif branch: '<|im_start|>assistant', no content, one
        // '\n<tool_call>\n{"name": "' + name + '", "arguments": ' + arguments|tojson + '}\n</tool_call>', '<|im_end|>\n'
        Map<String, Object> call = Map.of("function", new LinkedHashMap<>(Map.of("name", "now",
                "arguments", new LinkedHashMap<>(Map.of("tz", "UTC")))));
        List<Map<String, Object>> messages = List.of(Map.of("role", "user", "content", "Time?"),
                Map.of("role", "assistant", "tool_calls", List.of(call)));
        assertThat(template("qwen2.5-instruct").renderMaps(messages, false, Map.of()))
                .isEqualTo(QWEN_SYSTEM + "<|im_start|>user\nTime?<|im_end|>\n<|im_start|>assistant\n<tool_call>\n"
                        + "{\"name\": \"now\", \"arguments\": {\"tz\": \"UTC\"}}\n</tool_call><|im_end|>\n");
    }

    @Test
    void raiseExceptionNamesTheTemplateFileAndTheTemplatesMessage() {
        // Llama 3.2 refuses two tool calls in one turn with raise_exception
        Map<String, Object> call = Map.of("function", Map.of("name", "f", "arguments", Map.of()));
        List<Map<String, Object>> messages = List.of(Map.of("role", "user", "content", "x"),
                Map.of("role", "assistant", "tool_calls", List.of(call, call)));
        assertThatThrownBy(() -> template("llama-3.2-instruct").renderMaps(messages, false, Map.of()))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining("llama-3.2-instruct")
                .hasMessageContaining("tokenizer_config.json")
                .hasMessageContaining("This model only supports single tool-calls at once!")
                .hasMessageNotContaining("\n");
    }
}
