package org.rlhfworkbench.formats;

import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Message;

/** Anthropic HH-RLHF dialogues ("\n\nHuman: ...\n\nAssistant: ...") and message rendering. */
final class Dialogue {
    static final String HUMAN = "\n\nHuman:";
    static final String ASSISTANT = "\n\nAssistant:";

    private Dialogue() {
    }

    /** Plain text of a conversation, one "role: content" paragraph per turn. */
    static String render(List<Message> messages) {
        StringBuilder sb = new StringBuilder();
        for (Message m : messages) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            sb.append(m.role()).append(": ").append(m.content());
        }
        return sb.toString();
    }

    /**
     * Splits an HH pair into (prompt, chosen response, rejected response): the prompt is the
     * shared prefix up to and including the last "\n\nAssistant:" of the chosen dialogue.
     */
    static String[] splitPair(String chosen, String rejected) {
        int cut = chosen.lastIndexOf(ASSISTANT);
        if (cut < 0) {
            throw new LineError("\"chosen\" has no \"\\n\\nAssistant:\" turn");
        }
        String prompt = chosen.substring(0, cut + ASSISTANT.length());
        if (!rejected.startsWith(prompt)) {
            int common = commonPrefix(chosen, rejected);
            cut = chosen.lastIndexOf(ASSISTANT, common - ASSISTANT.length());
            if (cut < 0) {
                throw new LineError("\"chosen\" and \"rejected\" share no dialogue prefix ending in \"\\n\\nAssistant:\"");
            }
            prompt = chosen.substring(0, cut + ASSISTANT.length());
        }
        return new String[] {prompt, chosen.substring(prompt.length()), rejected.substring(prompt.length())};
    }

    /** The turns of an HH prompt (ending in "Assistant:") as user / assistant messages. */
    static List<Message> turns(String prompt) {
        List<Message> out = new ArrayList<>();
        int i = 0;
        while (i < prompt.length()) {
            boolean human = prompt.startsWith(HUMAN, i);
            boolean assistant = prompt.startsWith(ASSISTANT, i);
            if (!human && !assistant) {
                return List.of(); // not an HH dialogue: keep it as plain text only
            }
            int start = i + (human ? HUMAN.length() : ASSISTANT.length());
            int next = nextTurn(prompt, start);
            String content = prompt.substring(start, next).strip();
            if (next < prompt.length() || !content.isEmpty()) {
                out.add(new Message(human ? "user" : "assistant", content));
            }
            i = next;
        }
        return out;
    }

    private static int nextTurn(String s, int from) {
        int h = s.indexOf(HUMAN, from);
        int a = s.indexOf(ASSISTANT, from);
        int next = Math.min(h < 0 ? s.length() : h, a < 0 ? s.length() : a);
        return next;
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }
}
