package org.rlhfworkbench.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Message;

/** Typed reads of JSON fields that fail with a reason a user can act on. */
final class Fields {
    private Fields() {
    }

    static JsonNode required(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            throw new LineError("missing \"" + key + "\"");
        }
        return v;
    }

    static String string(JsonNode obj, String key) {
        JsonNode v = required(obj, key);
        if (!v.isTextual()) {
            throw new LineError("\"" + key + "\" must be a string, was " + v.getNodeType().name().toLowerCase());
        }
        return v.asText();
    }

    static boolean isMessages(JsonNode v) {
        return v != null && v.isArray() && v.size() > 0 && v.get(0).isObject();
    }

    static List<Message> messages(JsonNode v, String key) {
        if (!v.isArray()) {
            throw new LineError("\"" + key + "\" must be a list of {\"role\",\"content\"} messages");
        }
        List<Message> out = new ArrayList<>();
        for (JsonNode m : v) {
            if (!m.isObject() || !m.path("role").isTextual() || !m.path("content").isTextual()) {
                throw new LineError("\"" + key + "\" has a message without string \"role\" and \"content\"");
            }
            out.add(new Message(m.get("role").asText(), m.get("content").asText()));
        }
        if (out.isEmpty()) {
            throw new LineError("\"" + key + "\" is an empty message list");
        }
        return out;
    }

    /** A prompt given as a string or as a message list. */
    static Records.PromptIn prompt(JsonNode obj, String key) {
        JsonNode v = required(obj, key);
        if (v.isTextual()) {
            return Records.PromptIn.plain(v.asText());
        }
        requireStringOrList(v, key);
        List<Message> msgs = messages(v, key);
        return new Records.PromptIn(Dialogue.render(msgs), msgs);
    }

    /**
     * The reference answer of a prompt line, or null: the {@code "reference"} key, or with
     * {@code answerKey} also {@code "answer"} (an SFT line's "answer" may be a whole completion, so
     * there only "reference" counts). A string or a number; a GSM8K answer ("... #### 42") is
     * reduced to what follows the last "####".
     */
    static String reference(JsonNode obj, boolean answerKey) {
        String key = obj.has("reference") ? "reference" : answerKey && obj.has("answer") ? "answer" : null;
        if (key == null || obj.get(key).isNull()) {
            return null;
        }
        JsonNode v = obj.get(key);
        if (!v.isTextual() && !v.isNumber()) {
            throw new LineError("\"" + key + "\" must be a string or a number, was " + v.getNodeType().name().toLowerCase());
        }
        String text = v.asText();
        int hashes = text.lastIndexOf("####");
        String ref = (hashes >= 0 ? text.substring(hashes + 4) : text).strip();
        return ref.isEmpty() ? null : ref;
    }

    /** A completion given as a string or as a list holding one assistant message. */
    static String completion(JsonNode obj, String key) {
        JsonNode v = required(obj, key);
        if (v.isTextual()) {
            return v.asText();
        }
        requireStringOrList(v, key);
        List<Message> msgs = messages(v, key);
        if (msgs.size() != 1 || !"assistant".equals(msgs.get(0).role())) {
            throw new LineError("\"" + key + "\" must be a string or one assistant message, had "
                    + msgs.size() + " messages");
        }
        return msgs.get(0).content();
    }

    private static void requireStringOrList(JsonNode v, String key) {
        if (!v.isArray()) {
            throw new LineError("\"" + key + "\" must be a string or a list of messages, was "
                    + v.getNodeType().name().toLowerCase());
        }
    }

    static Double optionalNumber(JsonNode obj, String key) {
        JsonNode v = obj.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new LineError("\"" + key + "\" must be a number");
        }
        return v.asDouble();
    }
}
