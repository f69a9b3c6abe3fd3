package org.rlhfworkbench.ui.evaluate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.rlhfworkbench.jobs.eval.ArenaResults;
import org.rlhfworkbench.jobs.eval.ArenaResults.JudgeRow;
import org.rlhfworkbench.jobs.eval.ArenaResults.PairRow;
import org.rlhfworkbench.jobs.eval.ArenaResults.RankRow;
import org.rlhfworkbench.jobs.eval.ArenaResults.VoteRow;

/** The results, names revealed, live: pairs, ranking, criteria, automatic judges, every vote. */
final class ResultsPane extends ScrollPane {
    private final Label summary = new Label();
    private final TableView<PairRow> pairs = pairTable("resultsPairs");
    private final TableView<RankRow> ranking = Tables.of("resultsRanking", 130,
            Tables.col("Rank", 50, r -> Integer.toString(r.rank())), Tables.col("Model", 220, RankRow::model),
            Tables.col("Elo (Bradley-Terry)", 140, r -> String.format(Locale.ROOT, "%.0f", r.elo())),
            Tables.col("95% interval", 140, r -> String.format(Locale.ROOT, "%.0f – %.0f", r.eloInterval().lo(),
                    r.eloInterval().hi())),
            Tables.col("Votes", 70, r -> Integer.toString(r.votes())));
    private final TableView<String[]> criteria = Tables.of("resultsCriteria", 130,
            Tables.col("Criterion", 130, r -> r[0]), Tables.col("Model A", 180, r -> r[1]),
            Tables.col("Model B", 180, r -> r[2]), Tables.col("Votes", 60, r -> r[3]),
            Tables.col("A win rate", 90, r -> r[4]), Tables.col("95% Wilson", 110, r -> r[5]));
    private final TableView<String[]> judges = Tables.of("resultsJudges", 130,
            Tables.col("Judge", 200, r -> r[0]), Tables.col("Pairs judged", 90, r -> r[1]),
            Tables.col("Agrees with the votes", 170, r -> r[2]), Tables.col("95% Wilson", 110, r -> r[3]),
            Tables.col("Its A win rate per pair", 320, r -> r[4]));
    private final TableView<VoteRow> votes = Tables.of("resultsVotes", 260,
            Tables.col("Prompt", 220, v -> Tables.oneLine(v.prompt(), 80)), Tables.col("Model A", 110, VoteRow::modelA),
            Tables.col("Answer A", 200, v -> Tables.oneLine(v.answerA(), 80)), Tables.col("Model B", 110, VoteRow::modelB),
            Tables.col("Answer B", 200, v -> Tables.oneLine(v.answerB(), 80)),
            Tables.col("Vote", 80, v -> v.winner().dbName()), Tables.col("Shown left", 110, VoteRow::left),
            Tables.col("Annotator", 110, VoteRow::annotator), Tables.col("Reason", 150, v -> v.reason() == null ? "" : v.reason()));

    ResultsPane(ArenaResultsModel model) {
        setId("arenaResults");
        setFitToWidth(true);
        Label method = new Label("Method: " + ArenaResults.METHOD);
        method.setWrapText(true);
        method.getStyleClass().add("arena-help");
        summary.setId("resultsSummary");
        Button csv = new Button("Export CSV…");
        csv.setOnAction(e -> save(model, "arena-votes.csv"));
        Button jsonl = new Button("Export JSONL…");
        jsonl.setOnAction(e -> save(model, "arena-votes.jsonl"));
        Button prefs = new Button("Turn decisive votes into preference pairs");
        prefs.setId("resultsToPreferences");
        prefs.setOnAction(e -> model.toPreferences());
        Label message = new Label();
        message.textProperty().bind(model.messageProperty());
        VBox box = new VBox(8, summary, method, section("Win rate per pair"), pairs,
                section("Ranking (Bradley-Terry; most telling with 3 or more models)"), ranking, section("Per criterion"), criteria,
                section("Automatic judges on the same pairs: where the reward model and people disagree"), judges,
                section("Every vote"), votes, new HBox(8, csv, jsonl, prefs), message);
        box.setPadding(new Insets(12));
        setContent(box);
        model.resultsProperty().addListener((obs, old, r) -> show(r));
        show(model.resultsProperty().get());
    }

    private void show(ArenaResults r) {
        summary.setText(String.format(Locale.ROOT, "%d votes (%d human, %d simulated); the tables count %s.",
                r.votes(), r.humanVotes(), r.simulatedVotes(), r.basis()));
        Tables.fill(pairs, r.pairs());
        Tables.fill(ranking, r.ranking());
        List<String[]> crit = new ArrayList<>();
        for (Map.Entry<String, List<PairRow>> e : r.criteria().entrySet()) {
            for (PairRow p : e.getValue()) {
                crit.add(new String[] {e.getKey(), p.modelA(), p.modelB(), Integer.toString(p.votes()),
                        Tables.pct(p.winRateA()), Tables.pctInterval(p.interval())});
            }
        }
        Tables.fill(criteria, crit);
        List<String[]> js = new ArrayList<>();
        for (JudgeRow j : r.judges()) {
            StringBuilder own = new StringBuilder();
            j.pairs().forEach(p -> own.append(p.modelA()).append(" vs ").append(p.modelB()).append(": ")
                    .append(Tables.pct(p.winRateA())).append("  "));
            js.add(new String[] {j.judge(), Integer.toString(j.judged()),
                    j.compared() == 0 ? "–" : j.agreed() + " of " + j.compared() + " (" + Tables.pct(j.agreement()) + ")",
                    Tables.pctInterval(j.agreementInterval()), own.toString().strip()});
        }
        Tables.fill(judges, js);
        Tables.fill(votes, r.voteRows());
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("arena-section");
        return l;
    }

    private void save(ArenaResultsModel model, String name) {
        FileChooser fc = new FileChooser();
        fc.setInitialFileName(name);
        var f = fc.showSaveDialog(getScene().getWindow());
        if (f != null) {
            model.export(f.toPath());
        }
    }

    private static TableView<PairRow> pairTable(String id) {
        return Tables.of(id, 130, Tables.col("Model A", 200, PairRow::modelA), Tables.col("Model B", 200, PairRow::modelB),
                Tables.col("Votes", 60, p -> Integer.toString(p.votes())),
                Tables.col("A / B / tie / both bad", 150, p -> p.winsA() + " / " + p.winsB() + " / " + p.ties() + " / "
                        + p.bothBad()),
                Tables.col("A win rate", 90, p -> Tables.pct(p.winRateA())),
                Tables.col("95% Wilson", 110, p -> Tables.pctInterval(p.interval())));
    }
}
