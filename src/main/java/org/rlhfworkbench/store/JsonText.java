package org.rlhfworkbench.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.rlhfworkbench.core.Message;

/** JSON columns: message lists and id lists. */
final class JsonText {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    static String messages(List<Message> messages) {
        return messages == null || messages.isEmpty() ? null : write(messages);
    }

    static List<Message> messages(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<List<Message>>() { });
        } catch (JsonProcessingException e) {
            throw new ProjectException("Corrupt messages_json in project.db: " + e.getOriginalMessage(), e);
        }
    }

    static String ids(List<Long> ids) {
        return ids == null || ids.isEmpty() ? null : write(ids);
    }

    static List<Long> ids(String json) {
        if (json == null) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, new TypeReference<List<Long>>() { });
        } catch (JsonProcessingException e) {
            throw new ProjectException("Corrupt id list in project.db: " + e.getOriginalMessage(), e);
        }
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
