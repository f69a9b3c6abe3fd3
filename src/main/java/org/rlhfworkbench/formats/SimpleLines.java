package org.rlhfworkbench.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.Demonstration;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.store.Project;

/** Export lines for prompts and SFT demonstrations. */
final class SimpleLines {
    private SimpleLines() {
    }

    static List<ObjectNode> prompts(Project project) {
        List<ObjectNode> out = new ArrayList<>();
        for (Prompt p : project.prompts().all()) {
            ObjectNode o = Exporter.JSON.createObjectNode();
            putPrompt(o, p);
            if (p.hasReference()) {
                o.put("reference", p.reference());
            }
            out.add(o);
        }
        return out;
    }

    /** {"prompt","completion"}, or {"messages":[..., assistant]} for conversational prompts. */
    static List<ObjectNode> sft(Project project) {
        Map<Long, Prompt> prompts = new HashMap<>();
        List<ObjectNode> out = new ArrayList<>();
        for (Demonstration d : project.demonstrations().all()) {
            Prompt p = prompts.computeIfAbsent(d.promptId(), id -> project.prompts().get(id));
            ObjectNode o = Exporter.JSON.createObjectNode();
            if (p.isConversational()) {
                ArrayNode msgs = messages(p.messages());
                msgs.add(message(Message.assistant(d.text())));
                o.set("messages", msgs);
            } else {
                o.put("prompt", p.text());
                o.put("completion", d.text());
            }
            out.add(o);
        }
        return out;
    }

    static void putPrompt(ObjectNode o, Prompt p) {
        if (p.isConversational()) {
            o.set("prompt", messages(p.messages()));
        } else {
            o.put("prompt", p.text());
        }
    }

    static ArrayNode messages(List<Message> messages) {
        ArrayNode arr = Exporter.JSON.createArrayNode();
        for (Message m : messages) {
            arr.add(message(m));
        }
        return arr;
    }

    static ObjectNode message(Message m) {
        ObjectNode o = Exporter.JSON.createObjectNode();
        o.put("role", m.role());
        o.put("content", m.content());
        return o;
    }
}
