package org.techroute.api.plans;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers a solver thread's CPU priority, so that requests (status reads, events, submits) are served at once while
 * every core solves. Java thread priorities mean nothing to Linux unless the JVM runs with
 * {@code -XX:ThreadPriorityPolicy=1}, and even then the lowest maps to nice 4 only. Linux schedules each thread on
 * its own nice value, which a process may raise (lower its priority) without privileges: the calling thread's id is
 * read from {@code /proc/thread-self} and {@code renice} sets it. Threads the solver thread starts (a run's search
 * threads) inherit it. Where that is not possible (not Linux, no {@code renice}) the thread keeps its priority and
 * this is logged once.
 */
final class SolverThreadPriority {

    private static final Logger LOG = LoggerFactory.getLogger(SolverThreadPriority.class);
    private static volatile boolean warned;

    private SolverThreadPriority() {
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (1–19; 0 leaves it). True when it was set.
     */
    static boolean lowerCurrentThread(int nice) {
        if (nice <= 0) {
            return false;
        }
        Path self = Path.of("/proc/thread-self");
        try {
            if (!Files.isSymbolicLink(self)) {
                return unavailable("no /proc/thread-self (not Linux)");
            }
            String threadId = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(Math.min(19, nice)), "-p", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(10, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                return unavailable("renice did not answer");
            }
            return renice.exitValue() == 0 || unavailable("renice exited with " + renice.exitValue());
        } catch (IOException e) {
            return unavailable("renice could not be run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean unavailable(String why) {
        if (!warned) {
            warned = true;
            LOG.info("solver threads keep their CPU priority: {} (techroute.solver.nice)", why);
        }
        return false;
    }
}
