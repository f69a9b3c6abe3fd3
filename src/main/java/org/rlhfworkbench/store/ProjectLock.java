package org.rlhfworkbench.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code project.lock}, held while a project is open. The OS drops it when
 * the process dies, so a crash never leaves a project locked; the file holds the owner's pid only
 * to make the refusal message useful.
 */
final class ProjectLock implements AutoCloseable {
    static final String FILE = "project.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private ProjectLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static ProjectLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                String owner = readOwner(file);
                channel.close();
                throw new ProjectLockedException("Project " + dir + " is open in another process"
                        + owner + " (lock held on " + file + "). " + (owner.contains("training run")
                        ? "One run trains at a time: wait until that run ends, or stop it there (it keeps a"
                        + " checkpoint) and close the project, then try again." : "Close it there first."));
            }
            ProjectLock held = new ProjectLock(channel, lock);
            held.note(null);
            return held;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new ProjectException("Cannot lock project " + dir + " (" + file + "): " + e.getMessage(), e);
        }
    }

    /**
     * Rewrites the lock file as "pid N" or "pid N, training run 3 (ppo)", so another process's
     * refusal says what keeps the project busy.
     */
    synchronized void note(String activity) throws IOException {
        String text = "pid " + ProcessHandle.current().pid() + (activity == null ? "" : ", " + activity);
        channel.truncate(0);
        channel.write(StandardCharsets.UTF_8.encode(text + "\n"), 0);
        channel.force(true);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // this JVM already holds it: open in another window of this process
        }
    }

    private static String readOwner(Path file) {
        try {
            String text = Files.readString(file).trim();
            return text.isEmpty() ? "" : " (" + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing more to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(channel);
    }
}
