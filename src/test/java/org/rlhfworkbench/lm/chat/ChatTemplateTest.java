package org.rlhfworkbench.lm.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Message;

/** Finding a model's template, the Python string methods and syntax it may use, and its failures. */
class ChatTemplateTest {
    @TempDir
    Path dir;

    private static String render(String template, Map<String, Object> vars) {
        return ChatTemplate.of(template, "t.jinja", Map.of()).renderMaps(List.of(), false, vars);
    }

    @Test
    void pythonStringMethodsBehaveAsInPython() {
        Map<String, Object> v = Map.of("s", "  hello world\n");
        assertThat(render("[{{ s.strip() }}|{{ s.lstrip() }}|{{ s.rstrip() }}]", v))
                .isEqualTo("[hello world|hello world\n|  hello world]");
        assertThat(render("{{ 'xxaxx'.strip('x') }}{{ '\\n\\nb'.lstrip('\\n') }}", v)).isEqualTo("ab");
        assertThat(render("{{ s.startswith('  he') }}{{ s.endswith('x') }}{{ 'ab'.startswith(['x', 'a']) }}", v))
                .isEqualTo("truefalsetrue");
        // split with a literal separator keeps empty parts ("." is not a regular expression); without one it
        // splits on runs of white space
        assertThat(render("{{ 'a..b'.split('.')|length }} {{ ' a  b '.split()|join(',') }} {{ 'a.b.c'.split('.', 1)[1] }}",
                v)).isEqualTo("3 a,b b.c");
        assertThat(render("{{ 'a-b-a'.replace('a', 'x') }} {{ 'ab'.upper() }}{{ 'AB'.lower() }} {{ \"they're ok\".title() }}",
                v)).isEqualTo("x-b-x ABab They'Re Ok");
    }

    @Test
    void slicingMembershipAndNamespaceWork() {
        Map<String, Object> v = Map.of("xs", List.of("a", "b", "c"));
        assertThat(render("{% for x in xs[::-1] %}{{ x }}{{ loop.index0 }}{% endfor %}|{{ xs[1:]|join }}|{{ 'abc'[::-1] }}",
                v)).isEqualTo("c0b1a2|bc|cba");
        assertThat(render("{% set ns = namespace(n=xs|length - 1, hit=false) %}{% for x in xs %}"
                + "{% if x == 'b' %}{% set ns.hit = true %}{% endif %}{% endfor %}{{ ns.n }}{{ ns.hit }}", v))
                .isEqualTo("2true");
        assertThat(render("{{ 'b' in xs }}{{ 'z' not in xs }}{{ not xs|length == 1 }}{{ not zz is defined }}", v))
                .isEqualTo("truetruetruetrue");
        assertThat(render("{{ {'a': [1, 'x']}|tojson }}", v)).isEqualTo("{\"a\": [1, \"x\"]}");
    }

    @Test
    void findsTheDefaultOfANamedTemplateList() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), """
                {"bos_token": {"content": "<s>"}, "chat_template": [
                  {"name": "tool_use", "template": "T"},
                  {"name": "default", "template": "{{ bos_token }}{% for m in messages %}[{{ m.content }}]{% endfor %}"}]}
                """);
        ChatTemplate t = ChatTemplate.find(dir).orElseThrow();
        assertThat(t.render(List.of(Message.user("hi")), false)).isEqualTo("<s>[hi]");
    }

    @Test
    void aJinjaFileBesideTheConfigWins() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\", \"chat_template\": \"old\"}");
        Files.writeString(dir.resolve("chat_template.jinja"), "{{ messages[0].content }}{{ eos_token }}\n");
        assertThat(ChatTemplate.find(dir).orElseThrow().render(List.of(Message.user("x")), false)).isEqualTo("x</s>");
        Files.delete(dir.resolve("chat_template.jinja"));
        Files.writeString(dir.resolve("chat_template.json"), "{\"chat_template\": \"json:{{ messages|length }}\"}");
        assertThat(ChatTemplate.find(dir).orElseThrow().render(List.of(Message.user("x")), false)).isEqualTo("json:1");
    }

    @Test
    void noTemplateIsEmpty() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"eos_token\": \"</s>\"}");
        assertThat(ChatTemplate.find(dir)).isEmpty();
        assertThat(ChatTemplate.find(dir.resolve("missing"))).isEmpty();
    }

    @Test
    void aTemplateListWithoutDefaultOrABadTypeNamesTheFile() throws IOException {
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": [{\"name\": \"rag\", \"template\": \"x\"}]}");
        assertThatThrownBy(() -> ChatTemplate.find(dir)).isInstanceOf(ChatTemplateException.class)
                .hasMessageContaining(dir.resolve("tokenizer_config.json").toString()).hasMessageContaining("default");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": 3}");
        assertThatThrownBy(() -> ChatTemplate.find(dir)).hasMessageContaining("must be a string");
        Files.writeString(dir.resolve("tokenizer_config.json"), "{\"chat_template\": ");
        assertThatThrownBy(() -> ChatTemplate.find(dir)).hasMessageContaining("not valid JSON");
    }

    @Test
    void aTemplateTheEngineCannotRenderNamesTheFileAndTheReasonOnOneLine() {
        ChatTemplate t = ChatTemplate.of("{% for m in messages %}{{ m.content }}", "/models/x/tokenizer_config.json",
                Map.of());
        assertThatThrownBy(() -> t.render(List.of(Message.user("a")), false))
                .isInstanceOf(ChatTemplateException.class)
                .hasMessageStartingWith("/models/x/tokenizer_config.json: cannot render the chat template: ")
                .hasMessageContaining("endfor")
                .hasMessageNotContaining("\n");
    }

    @Test
    void raiseExceptionCarriesTheTemplatesMessage() {
        ChatTemplate t = ChatTemplate.of("{% if messages[0].role != 'user' %}{{ raise_exception('Conversation roles must"
                + " alternate user/assistant/user/assistant/...') }}{% endif %}ok", "m/chat_template.jinja", Map.of());
        assertThat(t.render(List.of(Message.user("a")), false)).isEqualTo("ok");
        assertThatThrownBy(() -> t.render(List.of(Message.assistant("a")), false))
                .hasMessage("m/chat_template.jinja: the chat template refused these messages: Conversation roles must"
                        + " alternate user/assistant/user/assistant/...");
    }
}
