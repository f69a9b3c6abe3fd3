package org.rlhfworkbench.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.ModelKind;

class ProjectStoreTest {
    @TempDir
    Path tmp;

    @Test
    void createMakesTheFolderLayoutAndTheLatestSchema() {
        Path dir = tmp.resolve("p");
        try (Project p = Project.create(dir)) {
            assertThat(p.schemaVersion()).isEqualTo(Migrations.latest());
            assertThat(p.name()).isEqualTo("p");
            assertThat(p.counts().prompts()).isZero();
        }
        assertThat(dir.resolve("project.db")).isRegularFile();
        assertThat(dir.resolve("models")).isDirectory();
        assertThat(dir.resolve("runs")).isDirectory();
    }

    @Test
    void walAndForeignKeysAreOn() {
        try (Project p = Project.create(tmp.resolve("p"))) {
            assertThat(p.db().<String>queryOne("PRAGMA journal_mode", rs -> rs.getString(1))).isEqualToIgnoringCase("wal");
            assertThat(p.db().count("PRAGMA foreign_keys")).isEqualTo(1);
            assertThatThrownBy(() -> p.generations().addImported(999, "orphan", null))
                    .isInstanceOf(ProjectException.class).hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void olderSchemaIsMigratedInPlaceKeepingItsRows() throws Exception {
        Path dir = tmp.resolve("old");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("project.db"))) {
            Db db = new Db(c, "old");
            SchemaMigrator.migrate(db, dir, Migrations.ALL.subList(0, 1));
            db.update("INSERT INTO prompt(text) VALUES ('from version 1')");
        }
        try (Project p = Project.open(dir)) {
            assertThat(p.schemaVersion()).isEqualTo(Migrations.latest());
            assertThat(p.prompts().all()).extracting(org.rlhfworkbench.core.Prompt::text)
                    .containsExactly("from version 1");
            p.meta().put("k", "4"); // a version-2 table is usable
            assertThat(p.meta().get("k")).isEqualTo("4");
        }
    }

    /** A resumed run writes its re-run steps again: one row per (run, name, step), the latest value. */
    @Test
    void metricsAreUniqueOnRunNameAndStepAndAWriteReplaces() throws Exception {
        Path dir = tmp.resolve("m");
        Files.createDirectories(dir);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("project.db"))) {
            Db db = new Db(c, "m");
            SchemaMigrator.migrate(db, dir, Migrations.ALL.subList(0, 4));
            db.update("INSERT INTO run(kind, config_json, seed, status) VALUES ('sft', '{}', 1, 'done')");
            // an older build's resume: steps 3 and 4 written twice, the second time after the checkpoint
            for (double[] row : new double[][] {{3, 1.0}, {4, 2.0}, {3, 1.5}, {4, 2.5}, {5, 3.0}}) {
                db.update("INSERT INTO metric(run_id, step, name, value) VALUES (1, ?, 'loss', ?)", (long) row[0],
                        row[1]);
            }
        }
        try (Project p = Project.open(dir)) {
            assertThat(p.metrics().series(1, "loss")).extracting(org.rlhfworkbench.core.MetricPoint::value)
                    .containsExactly(1.5, 2.5, 3.0);
            p.metrics().add(1, List.of(new org.rlhfworkbench.core.MetricPoint(5, "loss", 3.5),
                    new org.rlhfworkbench.core.MetricPoint(6, "loss", 4.0)));
            assertThat(p.metrics().series(1, "loss")).extracting(org.rlhfworkbench.core.MetricPoint::value)
                    .containsExactly(1.5, 2.5, 3.5, 4.0);
            assertThat(p.metrics().forRun(1)).hasSize(4);
        }
    }

    @Test
    void newerSchemaIsRefusedWithAClearMessage() throws Exception {
        Path dir = tmp.resolve("new");
        Project.create(dir).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("project.db"));
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO schema_version(version, description) VALUES (99, 'from the future')");
        }
        assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer RLHF Workbench");
    }

    @Test
    void aFolderWithoutProjectDbIsNotAProject() {
        assertThatThrownBy(() -> Project.open(tmp)).isInstanceOf(ProjectException.class)
                .hasMessageContaining("project.db is missing");
    }

    @Test
    void aCorruptDatabaseFileIsNamedInTheError() throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("project.db"), "this is not sqlite ".repeat(300));
        assertThatThrownBy(() -> Project.open(dir)).isInstanceOf(ProjectException.class)
                .hasMessageContaining(dir.resolve("project.db").toString());
        // the failed open released the lock: nothing is left locked
        Files.delete(dir.resolve("project.db"));
        Project.create(dir).close();
    }

    @Test
    void aFailedTransactionWritesNothing() {
        try (Project p = Project.create(tmp.resolve("p"))) {
            assertThatThrownBy(() -> p.db().inTransaction(() -> {
                p.prompts().add("kept?", "test");
                p.models().add("m", ModelKind.SFT, 12345L, "models/x", null); // bad parent: FK fails
                return null;
            })).isInstanceOf(ProjectException.class);
            assertThat(p.prompts().count()).isZero();
            assertThat(p.prompts().all()).isEqualTo(List.of());
        }
    }
}
