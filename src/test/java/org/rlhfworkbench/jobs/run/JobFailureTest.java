package org.rlhfworkbench.jobs.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rlhfworkbench.core.RunStatus;
import org.rlhfworkbench.store.Project;
import org.rlhfworkbench.train.run.RunContext;
import org.rlhfworkbench.train.run.StepLoop;
import org.slf4j.LoggerFactory;

/** A failed run: one line for the user, the stack trace in the run's log.txt. */
class JobFailureTest {
    @TempDir
    Path tmp;

    /** A job whose training fails with a nested cause. */
    static final class Failing implements TrainJob {
        @Override
        public String kind() {
            return "sft";
        }

        @Override
        public Object config() {
            return Map.of("n", 1);
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public void prepare(Project project) {
        }

        @Override
        public StepLoop.Outcome train(RunContext ctx, boolean resume) throws Exception {
            throw new java.io.IOException("No space left on device",
                    new IllegalStateException("inner cause"));
        }

        @Override
        public String finish(Project project, long runId) {
            return "";
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aFailureIsOneLineOnTheConsoleAndItsTraceGoesToTheRunsLog() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(Jobs.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try (Project p = Project.create(tmp.resolve("p"))) {
            JobHandle.JobResult r = Jobs.start(p, new Failing(), new RunListener() {
            }).await();
            assertThat(r.status()).isEqualTo(RunStatus.FAILED);
            assertThat(r.message()).isEqualTo("No space left on device");
            List<ILoggingEvent> warnings = seen.list.stream()
                    .filter(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0).getThrowableProxy()).as("no stack trace on the console").isNull();
            assertThat(warnings.get(0).getFormattedMessage()).contains("No space left on device").contains("log.txt");
            String log = Files.readString(Jobs.runDir(p, r.runId()).resolve("log.txt"));
            assertThat(log).contains("failed: No space left on device")
                    .contains("java.io.IOException: No space left on device")
                    .contains("\tat org.rlhfworkbench.jobs.run.JobFailureTest$Failing.train")
                    .contains("Caused by: java.lang.IllegalStateException: inner cause");
        } finally {
            logger.detachAppender(seen);
        }
    }
}
