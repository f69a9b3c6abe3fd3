package org.rlhfworkbench.lm.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The same model and work in PyTorch eager, through torch_reference.py (a resource next to this
 * class) on the machine's python3 with torch: transformers' eager definitions, same threads.
 * Absent python3 or torch is not an error: {@link #run} returns why, and the bench goes on alone.
 */
public final class TorchReference {
    private static final Logger LOG = LoggerFactory.getLogger(TorchReference.class);
    static final String SCRIPT = "torch_reference.py";

    /** The reference's figures, or why there are none. */
    public record Result(Map<String, Object> figures, String skipped) {
        public double get(String key) {
            Object v = figures.get(key);
            return v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
    }

    private TorchReference() {
    }

    /** python3 to use: Debian's /usr/bin/python3 first (that is where python3-torch lives), else PATH's. */
    static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /** Runs the reference on a folder holding config.json (weights optional) with the given options. */
    public static Result run(Path modelFolder, Map<String, Object> options) {
        String py = python();
        String torch = probe(py);
        if (torch == null) {
            return new Result(Map.of(), py + " with torch not found (Debian: apt install python3-torch); reference skipped");
        }
        Path script = null;
        try {
            script = Files.createTempFile("rlhf-torch-reference", ".py");
            try (InputStream in = TorchReference.class.getResourceAsStream(SCRIPT)) {
                if (in == null) {
                    return new Result(Map.of(), SCRIPT + " is missing from the build; reference skipped");
                }
                Files.write(script, in.readAllBytes());
            }
            List<String> cmd = new ArrayList<>(List.of(py, script.toString(), "--model", modelFolder.toString()));
            options.forEach((k, v) -> {
                cmd.add("--" + k);
                cmd.add(String.valueOf(v));
            });
            LOG.info("PyTorch reference: {}", String.join(" ", cmd));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int rc = p.waitFor();
            String last = lastLine(out);
            if (rc != 0 || !last.startsWith("{")) {
                return new Result(Map.of(), "PyTorch reference failed (exit " + rc + "): " + last);
            }
            JsonNode json = new ObjectMapper().readTree(last);
            Map<String, Object> figures = new LinkedHashMap<>();
            json.fields().forEachRemaining(e -> figures.put(e.getKey(),
                    e.getValue().isNumber() ? (Object) e.getValue().asDouble() : e.getValue().asText()));
            return new Result(figures, null);
        } catch (IOException e) {
            return new Result(Map.of(), "PyTorch reference could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Map.of(), "PyTorch reference interrupted");
        } finally {
            deleteQuietly(script);
        }
    }

    /** torch's version when {@code py} imports it, else null. */
    static String probe(String py) {
        try {
            Process p = new ProcessBuilder(py, "-c", "import torch; print(torch.__version__)")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return lastLine(out);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static String lastLine(String out) {
        String[] lines = out.strip().split("\n");
        return lines.length == 0 ? "" : lines[lines.length - 1].strip();
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.debug("could not delete {}", p, e);
        }
    }
}
