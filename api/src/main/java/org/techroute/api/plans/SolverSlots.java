package org.techroute.api.plans;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.data.model.Problem;

/**
 * The solver threads and admission, nothing else: {@code techroute.solver.slots} threads, up to
 * {@code queue-length} runs waiting (QUEUED) for one, 429 beyond that. Waiting runs start by {@link Priority}, first
 * come first served within a priority. What a run does on its thread, and its statuses, belong to {@link PlanRuns}.
 */
final class SolverSlots {

    private static final Logger LOG = LoggerFactory.getLogger(SolverSlots.class);

    private final TechrouteProperties.Solver settings;
    private final Semaphore admission;
    private final ThreadPoolExecutor executor;
    private final AtomicLong sequence = new AtomicLong();
    private volatile boolean closed;

    SolverSlots(TechrouteProperties.Solver settings, MeterRegistry meters) {
        this.settings = settings;
        if (settings.slots() < 1 || settings.queueLength() < 0) {
            throw new IllegalArgumentException("techroute.solver.slots must be at least 1 and queue-length at least 0");
        }
        this.admission = new Semaphore(settings.slots() + settings.queueLength());
        AtomicInteger threads = new AtomicInteger();
        Comparator<Runnable> order = Comparator.comparingInt((Runnable r) -> r instanceof Task task
                ? task.priority.ordinal() : Integer.MAX_VALUE).thenComparingLong(r -> r instanceof Task task
                        ? task.sequence : Long.MAX_VALUE);
        this.executor = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(11, order), runnable -> {
                    Thread thread = new Thread(runnable, "techroute-solver-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    // requests before solving: takes effect where the JVM maps priorities to the OS (see
                    // docs/operations.md, -XX:ThreadPriorityPolicy=1)
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        Gauge.builder("techroute.solver.running", executor, ThreadPoolExecutor::getActiveCount)
                .description("plans being solved").register(meters);
        Gauge.builder("techroute.solver.queued", executor, e -> e.getQueue().size())
                .description("plans waiting for a solver slot").register(meters);
    }

    /** The order in which waiting runs get a solver slot. */
    public enum Priority {
        /** The day in progress: a change request, a plan with {@code now}. */
        DAY_IN_PROGRESS,
        /** Everything else (new plans, solving again). */
        ORDINARY;

        /** DAY_IN_PROGRESS for a plan with {@code now}, else ORDINARY. */
        public static Priority of(Problem problem) {
            return problem.now() != null ? DAY_IN_PROGRESS : ORDINARY;
        }
    }

    /** Claims a slot or a place in the queue; 429 when both are full, 503 while shutting down. */
    Reservation reserve() {
        if (closed) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.UNAVAILABLE, "Shutting down",
                    "the service is shutting down").header("Retry-After", "30");
        }
        if (!admission.tryAcquire()) {
            throw ApiException.queueFull(executor.getQueue().size(), settings.retryAfterSeconds());
        }
        return new Reservation(admission);
    }

    /** A free slot or queue place, or empty (never 429): for runs this instance picks up by itself. */
    Optional<Reservation> tryReserve() {
        if (closed || !admission.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Reservation(admission));
    }

    /** Queues work at a priority; false when the slots are shut down. */
    boolean execute(Runnable work, Priority priority) {
        try {
            executor.execute(new Task(work, priority, sequence.incrementAndGet()));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Takes waiting work out of the queue; false when it already started (or was never queued). */
    boolean remove(Runnable work) {
        return executor.getQueue().removeIf(r -> r instanceof Task task && task.work == work);
    }

    int running() {
        return executor.getActiveCount();
    }

    int queued() {
        return executor.getQueue().size();
    }

    /** No more reservations (503 from now on). */
    void close() {
        closed = true;
    }

    /** Waits up to {@code grace} for the threads to end (their runs asked to stop before), then interrupts them. */
    void shutdown(Duration grace) throws InterruptedException {
        closed = true;
        executor.shutdown();
        if (!executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("solving jobs did not stop within {}", grace);
            executor.shutdownNow();
        }
    }

    /** A claimed slot or queue place, given back exactly once. */
    static final class Reservation {
        private final Semaphore semaphore;
        private final AtomicBoolean released = new AtomicBoolean();

        Reservation(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }

    private record Task(Runnable work, Priority priority, long sequence) implements Runnable {
        @Override
        public void run() {
            work.run();
        }
    }
}
