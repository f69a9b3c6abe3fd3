package org.rlhfworkbench.lm.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jinjava.javax.el.CompositeELResolver;
import org.rlhfworkbench.core.Message;

/**
 * A model's chat template, rendered as transformers' {@code apply_chat_template} does: Jinja with
 * trim_blocks and lstrip_blocks, the variables {@code messages}, {@code add_generation_prompt},
 * {@code bos_token}, {@code eos_token} (and pad / unk when set), {@code tools} (none), and the
 * functions {@code raise_exception} and {@code strftime_now}. Python string methods, {@code tojson}
 * and {@code namespace} behave as in Python's Jinja2 (see {@link PyStringMethods},
 * {@link PyJson}, {@link TemplateRewriter}). Immutable; safe to share between threads.
 */
public final class ChatTemplate {
    public static final String JINJA_FILE = "chat_template.jinja";
    public static final String JSON_FILE = "chat_template.json";
    public static final String TOKENIZER_CONFIG = "tokenizer_config.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SPECIALS = List.of("bos_token", "eos_token", "pad_token", "unk_token");

    private final String text;
    private final String source;
    private final Map<String, String> specialTokens;
    private final Clock clock;
    private final Jinjava jinjava;
    /** The text jinjava renders: one trailing newline dropped (Jinja2's keep_trailing_newline=False), rewritten. */
    private final String prepared;

    private ChatTemplate(String text, String source, Map<String, String> specialTokens, Clock clock) {
        this.text = text;
        String t = text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        this.prepared = TemplateRewriter.rewrite(t);
        this.source = source;
        this.specialTokens = Map.copyOf(specialTokens);
        this.clock = clock;
        this.jinjava = engine();
    }

    /**
     * A template given as text. {@code source} names where it came from in error messages;
     * {@code specialTokens} maps bos_token / eos_token / ... to their strings.
     */
    public static ChatTemplate of(String text, String source, Map<String, String> specialTokens) {
        return new ChatTemplate(text, source, specialTokens, Clock.systemDefaultZone());
    }

    /** The same template with {@code strftime_now} reading {@code clock}. */
    public ChatTemplate withClock(Clock clock) {
        return new ChatTemplate(text, source, specialTokens, clock);
    }

    /**
     * The chat template of a model folder: chat_template.jinja, else chat_template.json's
     * "chat_template", else tokenizer_config.json's "chat_template" (a string, or a list of
     * {"name", "template"} of which "default" is used). Empty when the model has none.
     *
     * @throws ChatTemplateException naming the file when one is there but unreadable or malformed
     */
    public static Optional<ChatTemplate> find(Path folder) {
        JsonNode config = readJson(folder.resolve(TOKENIZER_CONFIG));
        Map<String, String> specials = new LinkedHashMap<>();
        for (String name : SPECIALS) {
            JsonNode v = config.path(name);
            String s = v.isTextual() ? v.asText() : v.path("content").isTextual() ? v.path("content").asText() : null;
            if (s != null) {
                specials.put(name, s);
            }
        }
        Path jinja = folder.resolve(JINJA_FILE);
        if (Files.isRegularFile(jinja)) {
            try {
                return Optional.of(of(Files.readString(jinja), jinja.toString(), specials));
            } catch (IOException e) {
                throw new ChatTemplateException(jinja + ": cannot read: " + e.getMessage(), e);
            }
        }
        Path json = folder.resolve(JSON_FILE);
        if (Files.isRegularFile(json)) {
            return fromNode(readJson(json).path("chat_template"), json, specials);
        }
        return fromNode(config.path("chat_template"), folder.resolve(TOKENIZER_CONFIG), specials);
    }

    private static Optional<ChatTemplate> fromNode(JsonNode node, Path file, Map<String, String> specials) {
        if (node.isMissingNode() || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(of(node.asText(), file.toString(), specials));
        }
        if (node.isArray()) {
            for (JsonNode t : node) {
                if ("default".equals(t.path("name").asText()) && t.path("template").isTextual()) {
                    return Optional.of(of(t.path("template").asText(), file + " (template \"default\")", specials));
                }
            }
            throw new ChatTemplateException(file + ": chat_template is a list of named templates without one named"
                    + " \"default\"");
        }
        throw new ChatTemplateException(file + ": chat_template must be a string or a list of {\"name\", \"template\"},"
                + " not " + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }

    private static JsonNode readJson(Path file) {
        if (!Files.isRegularFile(file)) {
            return JSON.missingNode();
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ChatTemplateException(file + ": not valid JSON: " + oneLine(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw new ChatTemplateException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Where the template came from (a file path), for messages. */
    public String source() {
        return source;
    }

    /** The template text as stored. */
    public String text() {
        return text;
    }

    /** The special-token strings the template sees (bos_token, eos_token, ...). */
    public Map<String, String> specialTokens() {
        return specialTokens;
    }

    /** Renders a conversation; {@code addGenerationPrompt} opens the assistant turn that the model completes. */
    public String render(List<Message> messages, boolean addGenerationPrompt) {
        List<Map<String, Object>> maps = new ArrayList<>();
        for (Message m : messages) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("role", m.role());
            map.put("content", m.content());
            maps.add(map);
        }
        return renderMaps(maps, addGenerationPrompt, Map.of());
    }

    /**
     * Renders messages given as maps (as read from JSON: "content" may be absent, extra keys such
     * as "tool_calls" are visible to the template); {@code extra} adds template variables.
     *
     * @throws ChatTemplateException naming the template file and the reason
     */
    public String renderMaps(List<? extends Map<String, ?>> messages, boolean addGenerationPrompt,
                             Map<String, Object> extra) {
        Map<String, Object> ctx = new HashMap<>(specialTokens);
        ctx.put("messages", messages);
        ctx.put("add_generation_prompt", addGenerationPrompt);
        ctx.put("strftime_now", "strftime_now");
        ctx.put("raise_exception", "raise_exception");
        ctx.putAll(extra);
        RenderResult result;
        String raised;
        TemplateFunctions.begin(clock);
        try {
            result = jinjava.renderForResult(prepared, ctx);
        } catch (RuntimeException e) {
            TemplateFunctions.raised();
            throw new ChatTemplateException(source + ": cannot render the chat template: " + oneLine(e.getMessage()), e);
        } finally {
            raised = TemplateFunctions.raised();
        }
        if (raised != null) {
            throw new ChatTemplateException(source + ": the chat template refused these messages: " + oneLine(raised));
        }
        for (TemplateError e : result.getErrors()) {
            if (e.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new ChatTemplateException(source + ": cannot render the chat template: " + oneLine(e.getMessage())
                        + (e.getLineno() > 0 ? " (line " + e.getLineno() + ")" : ""));
            }
        }
        return result.getOutput();
    }

    private static String oneLine(String s) {
        return s == null ? "unknown error" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static Jinjava engine() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new PyStringMethods());
        resolver.add(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY);
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withElResolver(resolver)
                .withLegacyOverrides(LegacyOverrides.newBuilder().withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true).withUseTrimmingForNotesAndExpressions(true)
                        .withEvaluateMapKeys(true).build())
                .build();
        Jinjava j = new Jinjava(config);
        j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", TemplateFunctions.class,
                "raiseException", Object.class));
        j.getGlobalContext().registerFunction(new ELFunctionDefinition("", "strftime_now", TemplateFunctions.class,
                "strftimeNow", String.class));
        j.getGlobalContext().registerFilter(new PyJson());
        j.getGlobalContext().registerFilter(new PyJson.Trim());
        return j;
    }
}
