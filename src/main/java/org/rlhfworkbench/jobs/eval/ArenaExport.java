package org.rlhfworkbench.jobs.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.rlhfworkbench.core.Comparison;
import org.rlhfworkbench.core.ModelEntry;
import org.rlhfworkbench.core.Winner;
import org.rlhfworkbench.store.Project;

/**
 * Every arena vote as CSV (one column per criterion) or JSONL (criteria as an object): prompt,
 * both models and answers, which was shown left, the verdict and the winning model, annotator
 * (simulated or human), reason. The format follows the file name (.csv, else JSONL).
 */
public final class ArenaExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> HEAD = List.of("id", "prompt", "model_a", "model_b", "answer_a", "answer_b", "left",
            "winner", "winner_model", "annotator", "simulated", "reason");

    private ArenaExport() {
    }

    /** Writes the file (to a temporary name, then renamed); returns the number of votes written. */
    public static int write(Project project, Path file) throws IOException {
        List<Comparison> all = project.comparisons().all();
        Map<Long, String> names = new HashMap<>();
        for (ModelEntry m : project.models().all()) {
            names.put(m.id(), m.name());
        }
        TreeSet<String> criteria = new TreeSet<>();
        all.forEach(c -> criteria.addAll(c.criteria().keySet()));
        boolean csv = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
            if (csv) {
                List<String> head = new ArrayList<>(HEAD);
                criteria.forEach(k -> head.add("criterion_" + k));
                w.write(String.join(",", head) + "\n");
            }
            for (Comparison c : all) {
                List<Object> v = values(project, c, names);
                if (csv) {
                    List<String> cells = new ArrayList<>();
                    v.forEach(x -> cells.add(csvCell(x)));
                    criteria.forEach(k -> cells.add(c.criteria().containsKey(k) ? c.criteria().get(k).dbName() : ""));
                    w.write(String.join(",", cells) + "\n");
                } else {
                    ObjectNode o = JSON.createObjectNode();
                    for (int i = 0; i < HEAD.size(); i++) {
                        o.set(HEAD.get(i), JSON.valueToTree(v.get(i)));
                    }
                    ObjectNode crit = o.putObject("criteria");
                    c.criteria().forEach((k, x) -> crit.put(k, x.dbName()));
                    w.write(write(o) + "\n");
                }
            }
        }
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return all.size();
    }

    private static List<Object> values(Project project, Comparison c, Map<Long, String> names) {
        String a = names.getOrDefault(c.modelA(), "model " + c.modelA());
        String b = names.getOrDefault(c.modelB(), "model " + c.modelB());
        String winner = c.winner() == Winner.A ? a : c.winner() == Winner.B ? b : "";
        List<Object> v = new ArrayList<>();
        v.add(c.id());
        v.add(project.prompts().get(c.promptId()).text());
        v.add(a);
        v.add(b);
        v.add(project.generations().get(c.generationA()).text());
        v.add(project.generations().get(c.generationB()).text());
        v.add(c.swapped() ? b : a);
        v.add(c.winner().dbName());
        v.add(winner);
        v.add(c.annotator());
        v.add(c.simulated());
        v.add(c.reason());
        return v;
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    static String csvCell(Object value) {
        String s = value == null ? "" : value.toString();
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String write(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
