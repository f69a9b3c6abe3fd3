package org.rlhfworkbench.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.rlhfworkbench.core.ProjectCounts;
import org.sqlite.SQLiteConfig;

/**
 * An open project: a folder with project.db (SQLite, WAL, foreign keys on), models/ and runs/.
 * Holds the folder's lock while open, so a second process gets a clear refusal. Every single
 * write commits at once; multi-row writes use {@link Db#inTransaction}.
 */
public final class Project implements AutoCloseable {
    public static final String DB_FILE = "project.db";

    private final Path dir;
    private final ProjectLock lock;
    private final Db db;
    private final Repositories repos;

    private Project(Path dir, ProjectLock lock, Db db) {
        this.dir = dir;
        this.lock = lock;
        this.db = db;
        this.repos = new Repositories(db);
    }

    /** Creates a new project in an empty or missing folder. */
    public static Project create(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs.resolve(DB_FILE))) {
            throw new ProjectException("A project already exists in " + abs + " (" + DB_FILE + " found)");
        }
        try {
            Files.createDirectories(abs.resolve("models"));
            Files.createDirectories(abs.resolve("runs"));
        } catch (IOException e) {
            throw new ProjectException("Cannot create project folder " + abs + ": " + e.getMessage(), e);
        }
        Project p = connect(abs);
        p.meta().put("name", abs.getFileName().toString());
        return p;
    }

    /** Opens an existing project, migrating an older schema; refuses a newer one. */
    public static Project open(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs.resolve(DB_FILE))) {
            throw new ProjectException(abs + " is not an RLHF Workbench project: " + DB_FILE + " is missing");
        }
        return connect(abs);
    }

    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(DB_FILE));
    }

    private static Project connect(Path dir) {
        ProjectLock lock = ProjectLock.acquire(dir);
        Path file = dir.resolve(DB_FILE);
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
            config.setBusyTimeout(5000);
            Connection conn = config.createConnection("jdbc:sqlite:" + file);
            Db db = new Db(conn, file.toString());
            SchemaMigrator.migrate(db, file, Migrations.ALL);
            return new Project(dir, lock, db);
        } catch (SQLException e) {
            lock.close();
            throw new ProjectException("Cannot open " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        String name = meta().get("name");
        return name == null ? dir.getFileName().toString() : name;
    }

    public int schemaVersion() {
        return SchemaMigrator.currentVersion(db);
    }

    public Db db() {
        return db;
    }

    public MetaRepository meta() {
        return repos.meta;
    }

    public PromptRepository prompts() {
        return repos.prompts;
    }

    public GenerationRepository generations() {
        return repos.generations;
    }

    public RankingRepository rankings() {
        return repos.rankings;
    }

    public RatingRepository ratings() {
        return repos.ratings;
    }

    public DemonstrationRepository demonstrations() {
        return repos.demonstrations;
    }

    public ModelRepository models() {
        return repos.models;
    }

    public RunRepository runs() {
        return repos.runs;
    }

    public MetricRepository metrics() {
        return repos.metrics;
    }

    public ComparisonRepository comparisons() {
        return repos.comparisons;
    }

    /** Online DPO rounds: tagged generations, reward-model scores, chosen pairs. */
    public OnlineRepository online() {
        return repos.online;
    }

    /** Chat conversations: trees of turns. */
    public ConversationRepository conversations() {
        return repos.conversations;
    }

    public ProjectCounts counts() {
        return new ProjectCounts(prompts().count(), generations().count(), rankings().count(),
                rankings().pairCount(), demonstrations().count(), models().count(), runs().count(),
                comparisons().count());
    }

    @Override
    public void close() {
        try {
            db.connection().close();
        } catch (SQLException e) {
            throw new ProjectException("Closing " + dir.resolve(DB_FILE) + " failed: " + e.getMessage(), e);
        } finally {
            lock.close();
        }
    }
}
