package org.rlhfworkbench.store;

import java.util.List;

/**
 * The ordered schema history of project.db. Never edit a released migration: append a new one.
 * Timestamps are ISO-8601 UTC text; every foreign key is enforced (PRAGMA foreign_keys=ON).
 */
final class Migrations {
    private static final String NOW = "(strftime('%Y-%m-%dT%H:%M:%fZ','now'))";

    static final List<Migration> ALL = List.of(
            new Migration(1, "prompts, generations, rankings, ratings, demonstrations, models, runs, metrics, comparisons", List.of(
                    "CREATE TABLE prompt (id INTEGER PRIMARY KEY, text TEXT NOT NULL, messages_json TEXT,"
                            + " source TEXT NOT NULL DEFAULT 'manual', split TEXT NOT NULL DEFAULT 'train',"
                            + " created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE model (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                            + " kind TEXT NOT NULL CHECK (kind IN ('base','sft','reward','policy')),"
                            + " parent_id INTEGER REFERENCES model(id), path TEXT NOT NULL, run_id INTEGER,"
                            + " created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE generation (id INTEGER PRIMARY KEY,"
                            + " prompt_id INTEGER NOT NULL REFERENCES prompt(id) ON DELETE CASCADE,"
                            + " text TEXT NOT NULL, token_count INTEGER, model_id INTEGER REFERENCES model(id),"
                            + " source TEXT NOT NULL DEFAULT 'model', sampling_json TEXT,"
                            + " created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE ranking (id INTEGER PRIMARY KEY,"
                            + " prompt_id INTEGER NOT NULL REFERENCES prompt(id) ON DELETE CASCADE,"
                            + " status TEXT NOT NULL CHECK (status IN ('ranked','skipped','flagged','all_bad')),"
                            + " note TEXT, annotator TEXT NOT NULL, display_order TEXT,"
                            + " created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE ranking_entry (ranking_id INTEGER NOT NULL REFERENCES ranking(id) ON DELETE CASCADE,"
                            + " generation_id INTEGER NOT NULL REFERENCES generation(id) ON DELETE CASCADE,"
                            + " rank INTEGER CHECK (rank IS NULL OR rank >= 1),"
                            + " PRIMARY KEY (ranking_id, generation_id))",
                    "CREATE TABLE rating (id INTEGER PRIMARY KEY,"
                            + " generation_id INTEGER NOT NULL REFERENCES generation(id) ON DELETE CASCADE,"
                            + " criterion TEXT NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),"
                            + " annotator TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE demonstration (id INTEGER PRIMARY KEY,"
                            + " prompt_id INTEGER NOT NULL REFERENCES prompt(id) ON DELETE CASCADE, text TEXT NOT NULL,"
                            + " source TEXT NOT NULL CHECK (source IN ('written','correction','import')),"
                            + " generation_id INTEGER REFERENCES generation(id),"
                            + " created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE run (id INTEGER PRIMARY KEY, kind TEXT NOT NULL, config_json TEXT NOT NULL,"
                            + " seed INTEGER NOT NULL,"
                            + " status TEXT NOT NULL CHECK (status IN ('queued','running','paused','cancelled','failed','done')),"
                            + " started_at TEXT, finished_at TEXT, error TEXT,"
                            + " created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE metric (run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
                            + " step INTEGER NOT NULL, name TEXT NOT NULL, value REAL NOT NULL)",
                    "CREATE TABLE comparison (id INTEGER PRIMARY KEY,"
                            + " prompt_id INTEGER NOT NULL REFERENCES prompt(id),"
                            + " model_a INTEGER NOT NULL REFERENCES model(id), model_b INTEGER NOT NULL REFERENCES model(id),"
                            + " generation_a INTEGER NOT NULL REFERENCES generation(id),"
                            + " generation_b INTEGER NOT NULL REFERENCES generation(id),"
                            + " swapped INTEGER NOT NULL, winner TEXT NOT NULL CHECK (winner IN ('a','b','tie','both_bad')),"
                            + " annotator TEXT NOT NULL, created_at TEXT NOT NULL DEFAULT " + NOW + ")")),
            new Migration(2, "project settings, external scores, lookup indexes", List.of(
                    "CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
                    "ALTER TABLE generation ADD COLUMN score REAL",
                    "CREATE INDEX generation_prompt ON generation(prompt_id)",
                    "CREATE INDEX ranking_prompt ON ranking(prompt_id)",
                    "CREATE INDEX demonstration_prompt ON demonstration(prompt_id)",
                    "CREATE INDEX metric_run_name_step ON metric(run_id, name, step)")),
            new Migration(3, "ratings and demonstrations remember the labeling decision that wrote them", List.of(
                    "ALTER TABLE rating ADD COLUMN ranking_id INTEGER REFERENCES ranking(id) ON DELETE CASCADE",
                    "ALTER TABLE demonstration ADD COLUMN ranking_id INTEGER REFERENCES ranking(id) ON DELETE CASCADE",
                    "CREATE INDEX rating_ranking ON rating(ranking_id)",
                    "CREATE INDEX demonstration_ranking ON demonstration(ranking_id)")),
            new Migration(4, "online DPO rounds: generations tagged with run and iteration, reward-model scores, chosen pairs", List.of(
                    "ALTER TABLE generation ADD COLUMN run_id INTEGER REFERENCES run(id) ON DELETE SET NULL",
                    "ALTER TABLE generation ADD COLUMN iteration INTEGER",
                    "CREATE INDEX generation_run_iteration ON generation(run_id, iteration)",
                    "CREATE TABLE generation_score (generation_id INTEGER NOT NULL REFERENCES generation(id) ON DELETE CASCADE,"
                            + " scorer TEXT NOT NULL, value REAL NOT NULL, created_at TEXT NOT NULL DEFAULT " + NOW + ","
                            + " PRIMARY KEY (generation_id, scorer))",
                    "CREATE TABLE online_pair (run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,"
                            + " iteration INTEGER NOT NULL CHECK (iteration >= 1),"
                            + " prompt_id INTEGER NOT NULL REFERENCES prompt(id) ON DELETE CASCADE,"
                            + " chosen_id INTEGER NOT NULL REFERENCES generation(id) ON DELETE CASCADE,"
                            + " rejected_id INTEGER NOT NULL REFERENCES generation(id) ON DELETE CASCADE,"
                            + " rule TEXT NOT NULL, PRIMARY KEY (run_id, iteration, prompt_id))")),
            new Migration(5, "one metric row per (run, name, step): a resumed run's re-run steps replace theirs", List.of(
                    "DELETE FROM metric WHERE rowid NOT IN"
                            + " (SELECT max(rowid) FROM metric GROUP BY run_id, name, step)",  // keep the latest write
                    "DROP INDEX metric_run_name_step",
                    "CREATE UNIQUE INDEX metric_run_name_step ON metric(run_id, name, step)")),
            new Migration(6, "prompts may carry a reference answer (rule-based rewards check answers against it)",
                    List.of("ALTER TABLE prompt ADD COLUMN reference TEXT")),
            new Migration(7, "arena votes: reason, per-criterion verdicts, opt-in preference pair; chat conversation trees", List.of(
                    "ALTER TABLE comparison ADD COLUMN reason TEXT",
                    "ALTER TABLE comparison ADD COLUMN ranking_id INTEGER REFERENCES ranking(id) ON DELETE SET NULL",
                    "CREATE INDEX comparison_models ON comparison(model_a, model_b)",
                    "CREATE TABLE comparison_criterion (comparison_id INTEGER NOT NULL REFERENCES comparison(id) ON DELETE CASCADE,"
                            + " criterion TEXT NOT NULL, winner TEXT NOT NULL CHECK (winner IN ('a','b','tie','both_bad')),"
                            + " PRIMARY KEY (comparison_id, criterion))",
                    "CREATE TABLE conversation (id INTEGER PRIMARY KEY, title TEXT NOT NULL,"
                            + " model_id INTEGER REFERENCES model(id), system_prompt TEXT,"
                            + " created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE TABLE chat_turn (id INTEGER PRIMARY KEY,"
                            + " conversation_id INTEGER NOT NULL REFERENCES conversation(id) ON DELETE CASCADE,"
                            + " parent_id INTEGER REFERENCES chat_turn(id) ON DELETE CASCADE,"
                            + " role TEXT NOT NULL CHECK (role IN ('user','assistant')), content TEXT NOT NULL,"
                            + " model_id INTEGER REFERENCES model(id), prompt_id INTEGER REFERENCES prompt(id),"
                            + " generation_id INTEGER REFERENCES generation(id), flagged INTEGER NOT NULL DEFAULT 0,"
                            + " flag_note TEXT, created_at TEXT NOT NULL DEFAULT " + NOW + ")",
                    "CREATE INDEX chat_turn_conversation ON chat_turn(conversation_id)")));

    static int latest() {
        return ALL.get(ALL.size() - 1).version();
    }

    private Migrations() {
    }
}
