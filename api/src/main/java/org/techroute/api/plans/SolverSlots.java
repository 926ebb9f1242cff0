package org.techroute.api.plans;

import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
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
 * The solver threads and admission, nothing else: {@code techroute.solver.slots} solver threads, up to
 * {@code queue-length} runs waiting (QUEUED) for them, 429 beyond that. A run of {@code options.searchThreads} N
 * counts as N slots, both in admission (it takes N places of slots plus queue) and when it runs (it starts only when
 * N slots are free), so the service never solves on more threads than it has slots. Waiting runs start by
 * {@link Priority}, first come first served within a priority; a run that waits for more slots than are free holds
 * back those behind it (no run is overtaken for ever). What a run does on its thread, and its statuses, belong to
 * {@link PlanRuns}.
 */
final class SolverSlots {

    private static final Logger LOG = LoggerFactory.getLogger(SolverSlots.class);
    private static final Comparator<Task> ORDER = Comparator.comparingInt((Task task) -> task.priority.ordinal())
            .thenComparingLong(task -> task.sequence);

    private final TechrouteProperties.Solver settings;
    private final Semaphore admission;
    private final ThreadPoolExecutor executor;
    private final AtomicLong sequence = new AtomicLong();
    /** Guards the waiting runs and the counts below. */
    private final Object lock = new Object();
    private final PriorityQueue<Task> waiting = new PriorityQueue<>(ORDER);
    private int free;
    private int running;
    private boolean shutDown;
    private volatile boolean closed;

    SolverSlots(TechrouteProperties.Solver settings, MeterRegistry meters) {
        this.settings = settings;
        if (settings.slots() < 1 || settings.queueLength() < 0) {
            throw new IllegalArgumentException("techroute.solver.slots must be at least 1 and queue-length at least 0");
        }
        if (settings.nice() < 0 || settings.nice() > 19) {
            throw new IllegalArgumentException("techroute.solver.nice must be between 0 and 19");
        }
        this.admission = new Semaphore(settings.slots() + settings.queueLength());
        this.free = settings.slots();
        AtomicInteger threads = new AtomicInteger();
        // at most "slots" runs are dispatched at once (each takes at least one slot): a thread is always there
        this.executor = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(() -> {
                        // requests before solving (see SolverThreadPriority); a run's search threads inherit it
                        SolverThreadPriority.lowerCurrentThread(settings.nice());
                        runnable.run();
                    }, "techroute-solver-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    // where renice is not possible: takes effect where the JVM maps priorities to the OS
                    // (-XX:ThreadPriorityPolicy=1)
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        Gauge.builder("techroute.solver.running", this, SolverSlots::running)
                .description("plans being solved").register(meters);
        Gauge.builder("techroute.solver.queued", this, SolverSlots::queued)
                .description("plans waiting for a solver slot").register(meters);
    }

    /** How many solver threads this instance runs at most. */
    int size() {
        return settings.slots();
    }

    /** The slots a run of {@code searchThreads} takes: as many, but never more than there are. */
    int slotsFor(int searchThreads) {
        return Math.max(1, Math.min(searchThreads, settings.slots()));
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

    /**
     * Claims places (slots or queue) for a run of {@code searchThreads} ({@link #slotsFor} of them); 429 when there
     * are not that many, 503 while shutting down.
     */
    Reservation reserve(int searchThreads) {
        if (closed) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorTypes.UNAVAILABLE, "Shutting down",
                    "the service is shutting down").header("Retry-After", "30");
        }
        int places = slotsFor(searchThreads);
        if (!admission.tryAcquire(places)) {
            throw ApiException.queueFull(queued(), settings.retryAfterSeconds());
        }
        return new Reservation(admission, places);
    }

    /**
     * 429 (or 503) at once when {@link #reserve} would refuse a run of {@code searchThreads} now: a submit asks before
     * it stores anything, so a refused one costs no more than its checks. {@link #reserve} still decides.
     */
    void requireRoom(int searchThreads) {
        if (!closed && admission.availablePermits() >= slotsFor(searchThreads)) {
            return;
        }
        reserve(searchThreads).release(); // throws; a place freed just now is given back at once
    }

    /**
     * A free slot or queue place, or empty (never 429): for runs this instance picks up by itself, before their
     * document is read. Such a run holds one place; it still waits for all its threads' slots to run.
     */
    Optional<Reservation> tryReserve() {
        if (closed || !admission.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Reservation(admission, 1));
    }

    /** Queues work of {@code threads} solver threads ({@link #slotsFor}) at a priority; false when shut down. */
    boolean execute(Runnable work, Priority priority, int threads) {
        synchronized (lock) {
            if (shutDown) {
                return false;
            }
            waiting.add(new Task(work, priority, sequence.incrementAndGet(), slotsFor(threads)));
            dispatch();
        }
        return true;
    }

    /** Under the lock: starts the first waiting runs while their slots are free (never one behind the first). */
    private void dispatch() {
        while (!waiting.isEmpty() && waiting.peek().threads <= free) {
            Task task = waiting.poll();
            free -= task.threads;
            running++;
            try {
                executor.execute(task);
            } catch (RejectedExecutionException e) {
                free += task.threads; // shut down for good: the run never starts (its run was asked to stop)
                running--;
            }
        }
    }

    /** A run ended: its slots are free for the next. */
    private void ended(Task task) {
        synchronized (lock) {
            free += task.threads;
            running--;
            dispatch();
            lock.notifyAll();
        }
    }

    /** Takes waiting work out of the queue; false when it already started (or was never queued). */
    boolean remove(Runnable work) {
        synchronized (lock) {
            return waiting.removeIf(task -> task.work == work);
        }
    }

    /** Runs solving now. */
    int running() {
        synchronized (lock) {
            return running;
        }
    }

    /** Runs waiting for their slots. */
    int queued() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Solver threads in use (for tests and the operations view). */
    int busyThreads() {
        synchronized (lock) {
            return settings.slots() - free;
        }
    }

    /** No more reservations (503 from now on). */
    void close() {
        closed = true;
    }

    /**
     * Waits up to {@code grace} for the runs, waiting ones included, to end (they were asked to stop before), then
     * interrupts them. Nothing new is queued from the start.
     */
    void shutdown(Duration grace) throws InterruptedException {
        closed = true;
        long deadline = System.nanoTime() + grace.toNanos();
        synchronized (lock) {
            shutDown = true;
            long left;
            while ((running > 0 || !waiting.isEmpty()) && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
        executor.shutdown();
        if (!executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
            LOG.warn("solving jobs did not stop within {}", grace);
            executor.shutdownNow();
        }
    }

    /** Claimed slots or queue places, given back exactly once. */
    static final class Reservation {
        private final Semaphore semaphore;
        private final int places;
        private final AtomicBoolean released = new AtomicBoolean();

        Reservation(Semaphore semaphore, int places) {
            this.semaphore = semaphore;
            this.places = places;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                semaphore.release(places);
            }
        }
    }

    /** A run's work, its priority and arrival, and the slots it takes. */
    private final class Task implements Runnable {
        final Runnable work;
        final Priority priority;
        final long sequence;
        final int threads;

        Task(Runnable work, Priority priority, long sequence, int threads) {
            this.work = work;
            this.priority = priority;
            this.sequence = sequence;
            this.threads = threads;
        }

        @Override
        public void run() {
            try {
                work.run();
            } finally {
                ended(this);
            }
        }
    }
}
