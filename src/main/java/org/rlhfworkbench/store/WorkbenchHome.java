package org.rlhfworkbench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-user folder of the workbench (settings.json, the bundled sample's copy). Chosen by the
 * system property {@code rlhf.home}, else the environment variable {@code RLHF_WORKBENCH_HOME},
 * else {@code ~/.rlhf-workbench}; the property wins so a test or a launcher can override the
 * environment.
 */
public final class WorkbenchHome {
    public static final String ENV_VAR = "RLHF_WORKBENCH_HOME";
    public static final String PROPERTY = "rlhf.home";
    public static final String SETTINGS_FILE = "settings.json";
    private static final String LAST_PROJECT = "lastProject";
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchHome.class);

    private final Path home;

    public WorkbenchHome(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    public static WorkbenchHome fromEnvironment() {
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return new WorkbenchHome(Path.of(property));
        }
        String env = System.getenv(ENV_VAR);
        if (env != null && !env.isBlank()) {
            return new WorkbenchHome(Path.of(env));
        }
        return new WorkbenchHome(Path.of(System.getProperty("user.home"), ".rlhf-workbench"));
    }

    public Path home() {
        return home;
    }

    /** The project opened last, if settings name one and it is still a project. */
    public Optional<Path> lastProject() {
        JsonNode last = readSettings().get(LAST_PROJECT);
        if (last == null || !last.isTextual() || last.asText().isBlank()) {
            return Optional.empty();
        }
        Path dir = Path.of(last.asText());
        return Project.isProject(dir) ? Optional.of(dir) : Optional.empty();
    }

    public void setLastProject(Path dir) {
        ObjectNode settings = readSettings();
        settings.put(LAST_PROJECT, dir.toAbsolutePath().normalize().toString());
        writeSettings(settings);
    }

    /** The settings as an object; an unreadable file counts as empty (and is replaced on the next write). */
    private ObjectNode readSettings() {
        Path file = home.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(file)) {
            return JsonText.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = JsonText.MAPPER.readTree(file.toFile());
            return node instanceof ObjectNode object ? object : JsonText.MAPPER.createObjectNode();
        } catch (IOException e) {
            LOG.warn("Ignoring unreadable settings {}: {}", file, e.getMessage());
            return JsonText.MAPPER.createObjectNode();
        }
    }

    /** Writes a temporary file beside settings.json and moves it over, so a crash never leaves half a file. */
    private void writeSettings(ObjectNode settings) {
        Path file = home.resolve(SETTINGS_FILE);
        Path temp = null;
        try {
            Files.createDirectories(home);
            temp = Files.createTempFile(home, SETTINGS_FILE, ".tmp");
            JsonText.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), settings);
            moveOver(temp, file);
        } catch (IOException e) {
            deleteQuietly(temp);
            throw new ProjectException("Cannot write settings " + file + ": " + e.getMessage(), e);
        }
    }

    private static void moveOver(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the stray temp file is harmless
        }
    }
}
