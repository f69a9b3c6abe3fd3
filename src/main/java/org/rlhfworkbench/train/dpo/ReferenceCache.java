package org.rlhfworkbench.train.dpo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.rlhfworkbench.lm.model.CausalLm;
import org.rlhfworkbench.train.run.RunContext;

/**
 * The reference model's sequence log-probs, computed once per pair and kept in the run folder
 * (runs/&lt;id&gt;/&lt;name&gt;.json, written to a temporary name and renamed): later epochs and a
 * resumed run read them instead of running the reference again. A fingerprint of the pairs'
 * tokens guards against a file that belongs to other pairs.
 */
public final class ReferenceCache {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 16;

    /** What the file holds. */
    record Saved(long fingerprint, double[][] logps) {
    }

    private ReferenceCache() {
    }

    /** Per pair {logp_ref_chosen, logp_ref_rejected}; the reference model is asked for only on a miss. */
    public static double[][] get(RunContext ctx, String name, List<DpoPair> pairs, Supplier<CausalLm> reference)
            throws IOException {
        Path file = ctx.dir().resolve(name + ".json");
        long fp = fingerprint(pairs);
        if (Files.isRegularFile(file)) {
            Saved s = JSON.readValue(file.toFile(), Saved.class);
            if (s.fingerprint() == fp && s.logps().length == pairs.size()) {
                ctx.log("reference log-probs of " + pairs.size() + " pairs read from " + file.getFileName());
                return s.logps();
            }
        }
        double[][] logps = PairLogps.frozen(reference.get(), pairs, CHUNK);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(tmp.toFile(), new Saved(fp, logps));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        ctx.log("reference log-probs of " + pairs.size() + " pairs computed and saved to " + file.getFileName());
        return logps;
    }

    static long fingerprint(List<DpoPair> pairs) {
        long h = 17;
        for (DpoPair p : pairs) {
            h = h * 31 + Arrays.hashCode(p.prompt());
            h = h * 31 + Arrays.hashCode(p.chosen());
            h = h * 31 + Arrays.hashCode(p.rejected());
        }
        return h;
    }
}
