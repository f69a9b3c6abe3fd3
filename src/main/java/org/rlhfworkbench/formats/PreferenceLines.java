package org.rlhfworkbench.formats;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Message;
import org.rlhfworkbench.core.PreferencePair;
import org.rlhfworkbench.core.Prompt;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingEntry;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.store.Project;

/** Export lines built from rankings: pairs (TRL, OpenRLHF, HH) or K-way lists (RLHFlow). */
final class PreferenceLines {
    private final Project project;
    private final Map<Long, Prompt> prompts = new HashMap<>();
    private final Map<Long, Generation> generations = new HashMap<>();

    PreferenceLines(Project project) {
        this.project = project;
    }

    /** TRL: {"prompt","chosen","rejected"}; conversational prompts give message lists. */
    List<ObjectNode> trl() {
        return pairs((p, c, r) -> {
            ObjectNode o = Exporter.JSON.createObjectNode();
            SimpleLines.putPrompt(o, p);
            if (p.isConversational()) {
                o.set("chosen", SimpleLines.messages(List.of(Message.assistant(content(p, c)))));
                o.set("rejected", SimpleLines.messages(List.of(Message.assistant(content(p, r)))));
            } else {
                o.put("chosen", c.text());
                o.put("rejected", r.text());
            }
            return o;
        });
    }

    /** OpenRLHF: full conversations under "chosen" / "rejected", scores when known. */
    List<ObjectNode> openrlhf() {
        return pairs((p, c, r) -> {
            List<Message> prefix = p.isConversational() ? p.messages() : List.of(Message.user(p.text()));
            ObjectNode o = Exporter.JSON.createObjectNode();
            o.set("chosen", conversation(prefix, content(p, c)));
            o.set("rejected", conversation(prefix, content(p, r)));
            if (c.score() != null && r.score() != null) {
                o.put("chosen_score", c.score());
                o.put("rejected_score", r.score());
            }
            return o;
        });
    }

    /** HH-RLHF: "\n\nHuman: ...\n\nAssistant: ..." dialogues with the response appended. */
    List<ObjectNode> hh() {
        return pairs((p, c, r) -> {
            ObjectNode o = Exporter.JSON.createObjectNode();
            o.put("chosen", hhPrefix(p) + c.text());
            o.put("rejected", hhPrefix(p) + r.text());
            return o;
        });
    }

    /** RLHFlow: one line per ranking, rewards = external scores, else derived from the ranks. */
    List<ObjectNode> rlhflow() {
        List<ObjectNode> out = new ArrayList<>();
        for (Ranking ranking : ranked()) {
            Prompt p = prompt(ranking.promptId());
            List<Generation> gens = new ArrayList<>();
            for (RankingEntry e : ranking.entries()) {
                gens.add(generation(e.generationId()));
            }
            boolean scored = gens.stream().allMatch(g -> g.score() != null);
            int worst = ranking.entries().stream().filter(RankingEntry::isRanked)
                    .mapToInt(RankingEntry::rank).max().orElse(0);
            ObjectNode o = Exporter.JSON.createObjectNode();
            SimpleLines.putPrompt(o, p);
            ArrayNode responses = o.putArray("responses");
            ArrayNode rewards = o.putArray("rewards");
            for (int i = 0; i < gens.size(); i++) {
                RankingEntry e = ranking.entries().get(i);
                responses.add(gens.get(i).text());
                rewards.add(scored ? gens.get(i).score() : e.isRanked() ? worst + 1 - e.rank() : 0);
            }
            out.add(o);
        }
        return out;
    }

    private interface PairLine {
        ObjectNode line(Prompt prompt, Generation chosen, Generation rejected);
    }

    private List<ObjectNode> pairs(PairLine format) {
        List<ObjectNode> out = new ArrayList<>();
        for (Ranking ranking : ranked()) {
            Prompt p = prompt(ranking.promptId());
            for (PreferencePair pair : ranking.pairs()) {
                out.add(format.line(p, generation(pair.chosenId()), generation(pair.rejectedId())));
            }
        }
        return out;
    }

    private List<Ranking> ranked() {
        return project.rankings().all().stream().filter(r -> r.status() == RankingStatus.RANKED).toList();
    }

    private Prompt prompt(long id) {
        return prompts.computeIfAbsent(id, k -> project.prompts().get(k));
    }

    private Generation generation(long id) {
        return generations.computeIfAbsent(id, k -> project.generations().get(k));
    }

    /** Responses to HH dialogues keep HH's leading space in the store; messages carry none. */
    private static String content(Prompt p, Generation g) {
        return p.text().endsWith(Dialogue.ASSISTANT) ? g.text().strip() : g.text();
    }

    private static ArrayNode conversation(List<Message> prefix, String answer) {
        ArrayNode arr = SimpleLines.messages(prefix);
        arr.add(SimpleLines.message(Message.assistant(answer)));
        return arr;
    }

    private static String hhPrefix(Prompt p) {
        if (p.text().startsWith(Dialogue.HUMAN) && p.text().endsWith(Dialogue.ASSISTANT)) {
            return p.text();
        }
        StringBuilder sb = new StringBuilder();
        List<Message> turns = p.isConversational() ? p.messages() : List.of(Message.user(p.text()));
        for (Message m : turns) {
            sb.append("assistant".equals(m.role()) ? Dialogue.ASSISTANT : Dialogue.HUMAN).append(' ')
                    .append(m.content());
        }
        return sb.append(Dialogue.ASSISTANT).append(' ').toString();
    }
}
