package org.rlhfworkbench.formats;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.formats.Records.PreferenceIn;
import org.rlhfworkbench.formats.Records.PromptIn;
import org.rlhfworkbench.formats.Records.PromptOnly;
import org.rlhfworkbench.formats.Records.RecordIn;
import org.rlhfworkbench.formats.Records.ResponseIn;
import org.rlhfworkbench.formats.Records.SftIn;

/** One parser per import format: a JSON object in, a record out, or a {@link LineError}. */
final class RecordParsers {
    private RecordParsers() {
    }

    static RecordIn parse(ImportFormat format, JsonNode obj) {
        if (!obj.isObject()) {
            throw new LineError("expected a JSON object, found " + obj.getNodeType().name().toLowerCase());
        }
        return switch (format) {
            case PROMPTS -> new PromptOnly(Fields.prompt(obj, "prompt").withReference(Fields.reference(obj, true)));
            case SFT -> sft(obj);
            case TRL -> trl(obj);
            case HH -> hh(obj);
            case OPENRLHF -> openrlhf(obj);
            case RLHFLOW -> rlhflow(obj);
        };
    }

    private static RecordIn sft(JsonNode obj) {
        if (obj.has("messages")) {
            List<Message> msgs = Fields.messages(obj.get("messages"), "messages");
            Message last = msgs.get(msgs.size() - 1);
            if (!"assistant".equals(last.role()) || msgs.size() < 2) {
                throw new LineError("\"messages\" must end with an assistant message after at least one other");
            }
            List<Message> prompt = msgs.subList(0, msgs.size() - 1);
            return new SftIn(new PromptIn(Dialogue.render(prompt), prompt, Fields.reference(obj, false)),
                    last.content());
        }
        return new SftIn(Fields.prompt(obj, "prompt").withReference(Fields.reference(obj, false)),
                Fields.completion(obj, "completion"));
    }

    private static RecordIn trl(JsonNode obj) {
        if (!obj.has("prompt")) {
            if (Fields.isMessages(obj.get("chosen"))) {
                return openrlhf(obj); // TRL's implicit-prompt conversational form
            }
            throw new LineError("missing \"prompt\" (for full HH dialogues use --format hh)");
        }
        PromptIn prompt = Fields.prompt(obj, "prompt");
        return pair(prompt, Fields.completion(obj, "chosen"), Fields.completion(obj, "rejected"), null, null);
    }

    private static RecordIn hh(JsonNode obj) {
        String[] split = Dialogue.splitPair(Fields.string(obj, "chosen"), Fields.string(obj, "rejected"));
        PromptIn prompt = new PromptIn(split[0], Dialogue.turns(split[0]));
        return pair(prompt, split[1], split[2], null, null);
    }

    private static RecordIn openrlhf(JsonNode obj) {
        List<Message> chosen = Fields.messages(Fields.required(obj, "chosen"), "chosen");
        List<Message> rejected = Fields.messages(Fields.required(obj, "rejected"), "rejected");
        List<Message> prompt = chosen.subList(0, chosen.size() - 1);
        if (prompt.isEmpty() || !prompt.equals(rejected.subList(0, rejected.size() - 1))) {
            throw new LineError("\"chosen\" and \"rejected\" must be the same conversation up to their last message");
        }
        return pair(new PromptIn(Dialogue.render(prompt), prompt), chosen.get(chosen.size() - 1).content(),
                rejected.get(rejected.size() - 1).content(), Fields.optionalNumber(obj, "chosen_score"),
                Fields.optionalNumber(obj, "rejected_score"));
    }

    private static RecordIn pair(PromptIn prompt, String chosen, String rejected, Double cs, Double rs) {
        return new PreferenceIn(prompt, List.of(new ResponseIn(chosen, cs), new ResponseIn(rejected, rs)),
                List.of(1, 2));
    }

    /** RLHFlow: ranks follow the rewards, best first; equal rewards tie. */
    private static RecordIn rlhflow(JsonNode obj) {
        PromptIn prompt = Fields.prompt(obj, "prompt");
        JsonNode responses = Fields.required(obj, "responses");
        JsonNode rewards = Fields.required(obj, "rewards");
        if (!responses.isArray() || !rewards.isArray()) {
            throw new LineError("\"responses\" and \"rewards\" must be arrays");
        }
        if (responses.size() != rewards.size() || responses.size() < 2) {
            throw new LineError("\"responses\" (" + responses.size() + ") and \"rewards\" (" + rewards.size()
                    + ") must have the same length, at least 2");
        }
        List<ResponseIn> out = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            if (!responses.get(i).isTextual() || !rewards.get(i).isNumber()) {
                throw new LineError("response " + i + " must be a string with a numeric reward");
            }
            out.add(new ResponseIn(responses.get(i).asText(), rewards.get(i).asDouble()));
        }
        List<Integer> ranks = new ArrayList<>();
        for (ResponseIn r : out) {
            int better = 0;
            for (ResponseIn o : out) {
                if (o.score() > r.score()) {
                    better++;
                }
            }
            ranks.add(better + 1);
        }
        return new PreferenceIn(prompt, out, ranks);
    }
}
