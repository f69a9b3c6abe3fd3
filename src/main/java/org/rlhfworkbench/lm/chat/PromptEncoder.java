package org.rlhfworkbench.lm.chat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.lm.tokenizer.TextTokenizer;

/**
 * The one place a prompt (and an answer to it) becomes token ids for a model.
 *
 * <p>{@link #chat}: the conversation (a plain prompt is one user turn; an HH dialogue its turns)
 * rendered by the model's chat template with the generation prompt, encoded with no special
 * tokens added (the template writes BOS itself). An answer is what the template writes after the
 * generation prompt for an assistant turn with that content, up to and including the template's
 * end-of-turn token (e.g. {@code <|im_end|>}, {@code <|eot_id|>}), found by rendering, so it is
 * exact per template.
 *
 * <p>{@link #plain}: the {@link PlainPrompt} text encoded with the special tokens the tokenizer
 * puts before a text (BOS for Llama, nothing for GPT-2); an answer is " " + answer, then EOS.
 */
public final class PromptEncoder {
    /** Which format; "chat" and "plain" are the values of the project setting. */
    public enum Kind { CHAT, PLAIN }

    private static final String SENTINEL = "ANSWERxSENTINELx7f3a";

    private final TextTokenizer tok;
    private final ChatTemplate template;
    private final PlainPrompt plain;
    /** Chat: what the template writes after the content of a final assistant turn. */
    private final String afterAnswer;
    /** Chat: the ids that end an assistant turn (up to and including the first special token after the content). */
    private final int[] endOfTurn;

    private PromptEncoder(TextTokenizer tok, ChatTemplate template, PlainPrompt plain) {
        this.tok = tok;
        this.template = template;
        this.plain = plain;
        if (template != null) {
            String probe = template.render(List.of(Message.user("Hi"), Message.assistant(SENTINEL)), false);
            int at = probe.lastIndexOf(SENTINEL);
            if (at < 0) {
                throw new ChatTemplateException(template.source() + ": the chat template does not write the content of"
                        + " an assistant turn");
            }
            afterAnswer = probe.substring(at + SENTINEL.length());
            endOfTurn = endOfTurn(tok, afterAnswer);
        } else {
            afterAnswer = "";
            endOfTurn = tok.eosIds().length == 0 ? new int[0] : new int[] {tok.eosIds()[0]};
        }
    }

    public static PromptEncoder chat(TextTokenizer tok, ChatTemplate template) {
        return new PromptEncoder(tok, template, null);
    }

    public static PromptEncoder plain(TextTokenizer tok, PlainPrompt plain) {
        return new PromptEncoder(tok, null, plain);
    }

    public Kind kind() {
        return template != null ? Kind.CHAT : Kind.PLAIN;
    }

    public TextTokenizer tokenizer() {
        return tok;
    }

    /** What generations record as their prompt template: the plain template, or "chat:" and the template's file. */
    public String description() {
        return template != null ? "chat:" + template.source() : plain.template();
    }

    /** The text the model continues. */
    public String render(Prompt prompt) {
        return template != null ? template.render(messages(prompt), true) : plain.render(prompt);
    }

    /** The prompt's token ids. */
    public int[] encode(Prompt prompt) {
        String text = render(prompt);
        return template != null ? tok.encode(text) : withLeadingSpecials(text);
    }

    /** The text of an answer as the model writes it after the prompt, end of turn included (chat) or not (plain). */
    public String responseText(Prompt prompt, String answer) {
        if (template == null) {
            return PlainPrompt.continuation(answer);
        }
        return chatResponse(prompt, answer) + tok.decode(endOfTurn);
    }

    /** The answer's token ids: its text, then the end-of-turn token (chat) or EOS (plain). */
    public int[] encodeResponse(Prompt prompt, String answer) {
        int[] body = tok.encode(template == null ? PlainPrompt.continuation(answer) : chatResponse(prompt, answer));
        int[] out = Arrays.copyOf(body, body.length + endOfTurn.length);
        System.arraycopy(endOfTurn, 0, out, body.length, endOfTurn.length);
        return out;
    }

    /** The ids that end an answer: the model's EOS ids and, in chat format, the template's end-of-turn token. */
    public Set<Integer> stopIds() {
        Set<Integer> stops = new LinkedHashSet<>();
        Arrays.stream(tok.eosIds()).forEach(stops::add);
        if (template != null && endOfTurn.length > 0) {
            stops.add(endOfTurn[endOfTurn.length - 1]);
        }
        return stops;
    }

    /** The ids that end an assistant turn, as appended by {@link #encodeResponse}. */
    public int[] endOfTurn() {
        return endOfTurn.clone();
    }

    /** The conversation a prompt stands for: its messages, the turns of an HH dialogue, or one user turn. */
    static List<Message> messages(Prompt prompt) {
        if (prompt.isConversational()) {
            return prompt.messages();
        }
        String text = prompt.text();
        if (PlainPrompt.isHhDialogue(text)) {
            List<Message> turns = hhTurns(text);
            if (!turns.isEmpty()) {
                return turns;
            }
        }
        return List.of(Message.user(text));
    }

    /** The answer's part of the rendered [prompt..., assistant answer], without the end of the turn. */
    private String chatResponse(Prompt prompt, String answer) {
        List<Message> conversation = new ArrayList<>(messages(prompt));
        String head = template.render(conversation, true);
        conversation.add(Message.assistant(answer));
        String full = template.render(conversation, false);
        if (full.startsWith(head) && full.endsWith(afterAnswer) && full.length() - afterAnswer.length() >= head.length()) {
            return full.substring(head.length(), full.length() - afterAnswer.length());
        }
        return answer;
    }

    /** The text with the special tokens the tokenizer puts before a text (not those it would put after). */
    private int[] withLeadingSpecials(String text) {
        int[] plainIds = tok.encode(text);
        int[] all = tok.encodeWithSpecialTokens(text);
        for (int k = 0; k + plainIds.length <= all.length; k++) {
            if (Arrays.equals(all, k, k + plainIds.length, plainIds, 0, plainIds.length)) {
                return Arrays.copyOf(all, k + plainIds.length);
            }
        }
        return all;
    }

    private static int[] endOfTurn(TextTokenizer tok, String after) {
        int[] ids = tok.encode(after);
        for (int i = 0; i < ids.length; i++) {
            if (tok.isSpecial(ids[i])) {
                return Arrays.copyOf(ids, i + 1);
            }
        }
        return tok.eosIds().length == 0 ? new int[0] : new int[] {tok.eosIds()[0]};
    }

    private static List<Message> hhTurns(String text) {
        List<Message> out = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            boolean human = text.startsWith(PlainPrompt.HH_HUMAN, i);
            if (!human && !text.startsWith(PlainPrompt.HH_ASSISTANT, i)) {
                return List.of();
            }
            int start = i + (human ? PlainPrompt.HH_HUMAN.length() : PlainPrompt.HH_ASSISTANT.length());
            int h = text.indexOf(PlainPrompt.HH_HUMAN, start);
            int a = text.indexOf(PlainPrompt.HH_ASSISTANT, start);
            int next = Math.min(h < 0 ? text.length() : h, a < 0 ? text.length() : a);
            String content = text.substring(start, next).strip();
            if (next < text.length() || !content.isEmpty()) {
                out.add(new Message(human ? "user" : "assistant", content));
            }
            i = next;
        }
        return out;
    }
}
