package org.techroute.api.plans;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saver thread: every {@code techroute.solver.save-interval} (at least 100 ms) it saves each run's newest unsaved
 * best solution ({@link SolverRun#saveNewestBest}), and it renews this instance's claims ({@link ClusterLease}).
 */
final class BestSaver {

    private static final Logger LOG = LoggerFactory.getLogger(BestSaver.class);

    private final ScheduledExecutorService saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "techroute-saver");
        thread.setDaemon(true);
        return thread;
    });
    private final Supplier<Collection<SolverRun>> runs;

    BestSaver(Duration interval, ClusterLease lease, Supplier<Collection<SolverRun>> runs) {
        this.runs = runs;
        long millis = Math.max(100, interval.toMillis());
        saver.scheduleWithFixedDelay(this::saveAll, millis, millis, TimeUnit.MILLISECONDS);
        saver.scheduleWithFixedDelay(lease::heartbeat, lease.heartbeatMillis(), lease.heartbeatMillis(),
                TimeUnit.MILLISECONDS);
    }

    private void saveAll() {
        for (SolverRun run : runs.get()) {
            try {
                run.saveNewestBest();
            } catch (RuntimeException e) {
                LOG.warn("cannot save the best plan of {}", run.planId, e);
            }
        }
    }

    /** Stops saving (the final bests are saved when the runs end). */
    void close() throws InterruptedException {
        saver.shutdown();
        saver.awaitTermination(5, TimeUnit.SECONDS);
    }
}
