package org.rlhfworkbench.jobs.label;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.Generation;
import org.rlhfworkbench.core.Ranking;
import org.rlhfworkbench.core.RankingStatus;
import org.rlhfworkbench.store.Project;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM submits decisions through the labeling service in a loop and prints each ranking
 * id once it is committed; it is killed with SIGKILL at a random moment. On reopen every
 * reported decision is there in full, no decision is there in part, and SQLite's integrity
 * check passes.
 */
class SubmitCrashTest {
    static final int K = 4;
    /** Entries of each decision: K shown responses plus one correction. */
    static final int ENTRIES = K + 1;
    private static final Logger LOG = LoggerFactory.getLogger(SubmitCrashTest.class);

    @TempDir
    Path tmp;

    @Test
    void everyReportedDecisionSurvivesAKillAndNothingIsHalfWritten() throws Exception {
        Path dir = tmp.resolve("p");
        Project.create(dir).close();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        int killAfter = 3 + random.nextInt(40);
        LOG.info("crash test seed {}: kill after {} decisions plus up to 40 ms", seed, killAfter);

        Path stdout = tmp.resolve("child.out");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), dir.toString())
                .redirectInput(new File("/dev/null")).redirectOutput(stdout.toFile())
                .redirectError(tmp.resolve("child.err").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (reported(stdout).size() < killAfter && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        Thread.sleep(random.nextInt(41));
        child.destroyForcibly();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<Long> reported = reported(stdout);
        assertThat(reported).as("decisions reported before the kill; child stderr: %s",
                Files.readString(tmp.resolve("child.err"))).hasSizeGreaterThanOrEqualTo(killAfter);
        LOG.info("crash test: {} decisions reported before the kill", reported.size());

        try (Project p = Project.open(dir)) {
            String integrity = p.db().queryOne("PRAGMA integrity_check", rs -> rs.getString(1));
            assertThat(integrity).isEqualTo("ok");
            List<String> badKeys = p.db().query("PRAGMA foreign_key_check", rs -> rs.getString(1));
            assertThat(badKeys).isEmpty();
            for (long id : reported) {
                assertThat(p.rankings().get(id)).as("reported ranking %d", id).isNotNull();
            }
            for (Ranking r : p.rankings().all()) {
                assertThat(r.entries()).as("entries of ranking %d", r.id()).hasSize(ENTRIES);
                assertThat(r.displayOrder()).hasSize(K);
                assertThat(r.entries().stream().filter(e -> e.rank() != null).count()).isEqualTo(4);
                assertThat(p.ratings().forRanking(r.id())).hasSize(K);
                assertThat(p.demonstrations().forRanking(r.id())).hasSize(2);
            }
            assertThat(p.rankings().count()).isBetween((long) reported.size(), reported.size() + 1L);
        }
    }

    /** Ranking ids the child printed, complete lines only (each printed after its commit). */
    private static List<Long> reported(Path stdout) throws IOException {
        String text = Files.readString(stdout, StandardCharsets.UTF_8);
        List<Long> ids = new ArrayList<>();
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            ids.add(Long.parseLong(text.substring(start, nl).strip()));
            start = nl + 1;
        }
        return ids;
    }

    /** The child: submits decisions with ratings, a correction and a written answer until killed. */
    public static final class Child {
        public static void main(String[] args) {
            try (Project p = Project.open(Path.of(args[0]));
                 ProjectLabelingService service = new ProjectLabelingService(p, folder -> {
                     throw new IllegalStateException("the crash test needs no model");
                 }, 1)) {
                for (int i = 0; i < 100_000; i++) {
                    long prompt = p.prompts().add("crash prompt " + i, "test");
                    List<Long> ids = new ArrayList<>();
                    for (int j = 0; j < K; j++) {
                        ids.add(p.generations().add(new Generation(0, prompt, "response " + j, 2, null, "model", null,
                                null)));
                    }
                    LabelDecision d = new LabelDecision(prompt, ids, Arrays.asList(1, 2, 2, null), RankingStatus.RANKED,
                            null, Collections.nCopies(K, Map.of("helpfulness", 3)),
                            Arrays.asList("a better response", null, null, null), "my own answer " + i);
                    System.out.println(service.submit(d));
                    System.out.flush();
                }
            }
        }
    }
}
