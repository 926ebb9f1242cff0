package org.techroute.api.plans;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ProblemTypes;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;
import org.techroute.solver.domain.RoutePlan;

/**
 * Runs solving jobs: {@code techroute.solver.slots} solvers at a time, up to {@code queue-length} plans waiting
 * (SCHEDULED) for a slot, 429 beyond that. Each job builds its own {@link Solver} from the plan's options (time
 * limit, seed, step limit). New best solutions are saved at most once per {@code save-interval}, plus the final
 * one; every new best score and status change goes to the plan's event streams. On shutdown, running jobs are
 * stopped early and their best plans saved as STOPPED.
 */
@Component
public class SolverJobs {

    private static final Logger LOG = LoggerFactory.getLogger(SolverJobs.class);
    static final Set<PlanStatus> RUNNING = EnumSet.of(PlanStatus.SCHEDULED, PlanStatus.SOLVING);

    private final PlanRepository repository;
    private final PlanEvents events;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final TechrouteProperties.Solver settings;
    private final Semaphore admission;
    private final ThreadPoolExecutor executor;
    private final ScheduledExecutorService saver;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;

    public SolverJobs(PlanRepository repository, PlanEvents events, ObjectMapper mapper,
            TechrouteProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.events = events;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
        this.settings = properties.solver();
        if (settings.slots() < 1 || settings.queueLength() < 0) {
            throw new IllegalArgumentException("techroute.solver.slots must be at least 1 and queue-length at least 0");
        }
        this.admission = new Semaphore(settings.slots() + settings.queueLength());
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "techroute-solver-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "techroute-saver");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, settings.saveInterval().toMillis());
        saver.scheduleWithFixedDelay(this::saveAll, interval, interval, TimeUnit.MILLISECONDS);
        Gauge.builder("techroute.solver.running", executor, ThreadPoolExecutor::getActiveCount)
                .description("plans being solved").register(meters);
        Gauge.builder("techroute.solver.queued", executor, e -> e.getQueue().size())
                .description("plans waiting for a solver slot").register(meters);
    }

    /**
     * Runs of a previous process that never ended (it was killed): they are not resumed here, only marked STOPPED
     * so that nothing pretends to be solving.
     */
    @PostConstruct
    void markInterruptedRuns() {
        for (String id : repository.idsWithStatus(EnumSet.of(PlanStatus.VALIDATING, PlanStatus.SCHEDULED,
                PlanStatus.SOLVING))) {
            repository.updateStatus(id, EnumSet.of(PlanStatus.VALIDATING, PlanStatus.SCHEDULED, PlanStatus.SOLVING),
                    PlanStatus.STOPPED, "the service stopped before this run ended", now());
        }
    }

    /** Claims a slot or a place in the queue; 429 when both are full. */
    public Reservation reserve() {
        if (shuttingDown) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.UNAVAILABLE, "Shutting down",
                    "the service is shutting down").header("Retry-After", "30");
        }
        if (!admission.tryAcquire()) {
            throw ApiException.queueFull(executor.getQueue().size(), settings.retryAfterSeconds());
        }
        return new Reservation(admission);
    }

    /** Queues a plan (already SCHEDULED in the database) for solving. */
    public void start(Reservation reservation, String planId, int run, MappedProblem mapped) {
        SolverFactory<RoutePlan> factory = Planner.solverFactory(Planner.settings(mapped.problem()
                .optionsOrDefaults()));
        Job job = new Job(planId, run, mapped, factory, reservation);
        jobs.put(planId, job);
        events.status(planId, new SolverEvents.Status(planId, PlanStatus.SCHEDULED, run, null, null, null));
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            finish(job, PlanStatus.STOPPED, "the service is shutting down", null);
        }
    }

    /** The live state of a plan that is being solved (fresher than the database). */
    public Optional<Live> live(String planId) {
        Job job = jobs.get(planId);
        return job == null ? Optional.empty() : Optional.of(new Live(job.status, job.run, job.bestScore,
                job.bestScore == null ? null : job.feasible, job.bestAt));
    }

    /**
     * Asks a plan's job to stop: a waiting job ends at once, a running one after its current step (its best plan
     * is kept). False when the plan has no job.
     */
    public boolean stop(String planId, String reason) {
        Job job = jobs.get(planId);
        if (job == null) {
            return false;
        }
        job.stopReason = reason;
        job.stopRequested = true;
        if (executor.remove(job)) {
            finish(job, PlanStatus.STOPPED, reason, null);
            return true;
        }
        Solver<RoutePlan> solver = job.solver;
        if (solver != null) {
            solver.terminateEarly();
        }
        return true;
    }

    public int running() {
        return executor.getActiveCount();
    }

    public int queued() {
        return executor.getQueue().size();
    }

    private void run(Job job) {
        if (job.stopRequested) {
            finish(job, PlanStatus.STOPPED, job.stopReason, null);
            return;
        }
        if (!repository.updateStatus(job.planId, EnumSet.of(PlanStatus.SCHEDULED), PlanStatus.SOLVING, null, now())) {
            finish(job, PlanStatus.STOPPED, "the plan changed before solving started", null);
            return;
        }
        job.status = PlanStatus.SOLVING;
        events.status(job.planId, new SolverEvents.Status(job.planId, PlanStatus.SOLVING, job.run, null, null, null));
        try {
            Solver<RoutePlan> solver = job.factory.buildSolver();
            long started = System.nanoTime();
            solver.addEventListener(event -> onBest(job, solver, event, started));
            job.solver = solver;
            if (job.stopRequested) {
                solver.terminateEarly();
            }
            RoutePlan best = solver.solve(job.mapped.plan());
            if (job.stopRequested) {
                finish(job, PlanStatus.STOPPED, job.stopReason, best);
            } else {
                finish(job, PlanStatus.SOLVED, null, best);
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("solving plan {} failed", job.planId, e);
            finish(job, PlanStatus.FAILED, "solving failed: " + e.getClass().getSimpleName()
                    .replaceAll("Exception$|Error$", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(
                            java.util.Locale.ROOT) + " (see the service log)", null);
        }
    }

    private void onBest(Job job, Solver<RoutePlan> solver, BestSolutionChangedEvent<RoutePlan> event, long started) {
        RoutePlan plan = event.getNewBestSolution();
        HardMediumSoftLongScore score = plan.getScore();
        job.pending.set(plan);
        if (score != null) {
            job.bestScore = score.toString();
            job.feasible = score.isFeasible();
            job.bestAt = now();
            events.bestScore(job.planId, new SolverEvents.BestScore(score.toString(), score.isFeasible(),
                    (System.nanoTime() - started) / 1_000_000));
        }
        if (job.stopRequested) {
            // solve() clears a stop asked for just before it started; ask again
            solver.terminateEarly();
        }
    }

    /** Saves the newest unsaved best solution of every running job (at most once per interval per plan). */
    private void saveAll() {
        for (Job job : jobs.values()) {
            RoutePlan plan = job.pending.getAndSet(null);
            if (plan == null) {
                continue;
            }
            try {
                synchronized (job.lock) {
                    if (!job.finished) {
                        repository.saveBest(job.planId, describe(job, plan), EnumSet.of(PlanStatus.SOLVING));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot save the best plan of {}", job.planId, e);
            }
        }
    }

    private void finish(Job job, PlanStatus status, String reason, RoutePlan best) {
        synchronized (job.lock) {
            if (job.finished) {
                return;
            }
            job.finished = true;
            RoutePlan last = best != null ? best : job.pending.getAndSet(null);
            try {
                PlanRepository.BestPlan saved = null;
                if (last != null) {
                    try {
                        saved = describe(job, last);
                    } catch (RuntimeException e) {
                        LOG.warn("cannot describe the final plan of {}", job.planId, e);
                    }
                }
                repository.finish(job.planId, RUNNING, status, reason, saved, now());
            } catch (RuntimeException e) {
                LOG.warn("cannot save the end of the run of {}", job.planId, e);
            }
            job.status = status;
        }
        jobs.remove(job.planId, job);
        job.reservation.release();
        events.status(job.planId, new SolverEvents.Status(job.planId, status, job.run, reason, job.bestScore,
                job.bestScore == null ? null : job.feasible));
        events.complete(job.planId);
    }

    private PlanRepository.BestPlan describe(Job job, RoutePlan plan) {
        Problem document = Planner.describe(job.mapped, plan, job.factory);
        try {
            return new PlanRepository.BestPlan(ProblemJson.write(document), document.solution().score(),
                    document.solution().feasible(), mapper.writeValueAsString(document.solution().kpis()), now());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write KPIs", e);
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    @PreDestroy
    void shutdown() throws InterruptedException {
        shuttingDown = true;
        saver.shutdown();
        saver.awaitTermination(5, TimeUnit.SECONDS);
        for (String planId : jobs.keySet()) {
            stop(planId, "the service shut down");
        }
        executor.shutdown();
        if (!executor.awaitTermination(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS)) {
            LOG.warn("solving jobs did not stop within {}", settings.shutdownGrace());
            executor.shutdownNow();
        }
    }

    /** A claimed slot or queue place, given back exactly once. */
    public static final class Reservation {
        private final Semaphore semaphore;
        private final AtomicBoolean released = new AtomicBoolean();

        Reservation(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }

    /** What a running job knows right now. */
    public record Live(PlanStatus status, int run, String score, Boolean feasible, OffsetDateTime bestAt) {
    }

    private final class Job implements Runnable {
        final String planId;
        final int run;
        final MappedProblem mapped;
        final SolverFactory<RoutePlan> factory;
        final Reservation reservation;
        final Object lock = new Object();
        final AtomicReference<RoutePlan> pending = new AtomicReference<>();
        volatile PlanStatus status = PlanStatus.SCHEDULED;
        volatile boolean stopRequested;
        volatile String stopReason;
        volatile Solver<RoutePlan> solver;
        volatile String bestScore;
        volatile boolean feasible;
        volatile OffsetDateTime bestAt;
        boolean finished;

        Job(String planId, int run, MappedProblem mapped, SolverFactory<RoutePlan> factory, Reservation reservation) {
            this.planId = planId;
            this.run = run;
            this.mapped = mapped;
            this.factory = factory;
            this.reservation = reservation;
        }

        @Override
        public void run() {
            SolverJobs.this.run(this);
        }
    }
}
