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
 * Holds the folder's and the database's locks while open, so a second process gets a clear
 * refusal ({@link #openReadOnly} takes none and writes nothing). Every single
 * write commits at once; multi-row writes use {@link Db#inTransaction}.
 */
public final class Project implements AutoCloseable {
    public static final String DB_FILE = "project.db";
    /** How long an open waits for another process's lock on project.db before refusing. */
    static final int LOCK_WAIT_MS = 300;

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
        Project p = connect(abs, true);
        p.meta().put("name", abs.getFileName().toString());
        return p;
    }

    /**
     * Opens an existing project for reading and writing, migrating an older schema; refuses a
     * newer one, and any file that is not a workbench project (empty, or another program's SQLite
     * database) without writing to it.
     */
    public static Project open(Path dir) {
        Path abs = existing(dir);
        return connect(abs, false);
    }

    /**
     * Opens an existing project only to read it (inspection, export): no lock file, no migration,
     * nothing written, so a project on read-only media or in a read-only folder opens too, and
     * while another process has it open. A writable project with an older schema is opened with
     * {@link #open} once, to migrate it.
     */
    public static Project openReadOnly(Path dir) {
        Path abs = existing(dir);
        Project p = ReadOnlyOpen.open(abs, abs.resolve(DB_FILE), db -> new Project(abs, null, db));
        return p != null ? p : open(abs);  // an older schema: migrated once, under the lock
    }

    private static Path existing(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs.resolve(DB_FILE))) {
            throw new ProjectException(abs + " is not an RLHF Workbench project: " + DB_FILE + " is missing");
        }
        return abs;
    }

    public static boolean isProject(Path dir) {
        return Files.isRegularFile(dir.resolve(DB_FILE));
    }

    /**
     * Locks the folder (project.lock, with the owner's pid for the message), then connects in
     * SQLite's exclusive locking mode: from its first read the connection holds the database
     * file's own lock until it closes, so deleting project.lock does not let a second process in
     * (it gets SQLITE_BUSY, reported as {@link ProjectLockedException}). The WAL and synchronous
     * settings (which write to the file) are applied only after an existing file proved to be a
     * workbench project.
     */
    private static Project connect(Path dir, boolean isNew) {
        Path file = dir.resolve(DB_FILE);
        ProjectLock lock = ProjectLock.acquire(dir);
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.enforceForeignKeys(true);
            config.setBusyTimeout(LOCK_WAIT_MS);
            Connection conn = config.createConnection("jdbc:sqlite:" + file);
            Db db = new Db(conn, file.toString());
            try (java.sql.Statement st = conn.createStatement()) {
                st.execute("PRAGMA locking_mode=EXCLUSIVE");
                if (!isNew) {
                    ReadOnlyOpen.checkIsWorkbench(db, file);
                }
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=FULL");
                st.execute("PRAGMA busy_timeout=5000");
            } catch (SQLException | RuntimeException e) {
                conn.close();
                throw ReadOnlyOpen.lockedIfBusy(dir, e);
            }
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

    /**
     * A path stored in project.db (a model's folder), resolved against the project folder. A
     * project.db may come from elsewhere, so the path must stay inside the project: no absolute
     * path, no "..", and no symbolic link on the way that leads out.
     *
     * @param what names the row in the message, e.g. "model 3"
     */
    public Path resolveStored(String stored, String what) {
        Path rel = Path.of(stored);
        Path resolved = dir.resolve(rel).normalize();
        boolean inside = !rel.isAbsolute() && resolved.startsWith(dir) && !resolved.equals(dir);
        if (inside && isModelLink(rel, resolved)) {
            return resolved;  // a folder linked in place by the Models view (models/linked-NAME), made as such
        }
        if (inside && Files.exists(resolved)) {
            try {
                inside = resolved.toRealPath().startsWith(dir.toRealPath());
            } catch (IOException e) {
                throw new ProjectException("Cannot read " + resolved + " (" + what + "): " + e.getMessage(), e);
            }
        }
        if (!inside) {
            throw new ProjectException(what + " in " + dir.resolve(DB_FILE) + " has the path '" + stored
                    + "', which leads outside the project folder " + dir + "; refusing to read it (was project.db"
                    + " copied from elsewhere?)");
        }
        return resolved;
    }

    /**
     * The one sanctioned way out of the project: the Models view's "link in place" writes the model as
     * a symbolic link named models/linked-NAME (and nothing else makes such names).
     */
    private static boolean isModelLink(Path rel, Path resolved) {
        return rel.getNameCount() == 2 && rel.getName(0).toString().equals("models")
                && rel.getName(1).toString().startsWith("linked-") && Files.isSymbolicLink(resolved);
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

    /**
     * Names what keeps this project busy ("training run 3 (ppo)"; null: nothing) in its lock file,
     * so a second process that tries to open it is told. No-op for a read-only open.
     */
    public void busyWith(String activity) {
        if (lock == null) {
            return;
        }
        try {
            lock.note(activity);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(Project.class).debug("cannot note {} in the lock file: {}", activity,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            db.connection().close();
        } catch (SQLException e) {
            throw new ProjectException("Closing " + dir.resolve(DB_FILE) + " failed: " + e.getMessage(), e);
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }
}
