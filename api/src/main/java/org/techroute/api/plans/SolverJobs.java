package org.techroute.api.plans;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
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
import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;
import ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.techroute.api.config.TechrouteProperties;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ProblemTypes;
import org.techroute.data.changes.LiveProblemChange;
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
    private final String instanceId;
    private final TechrouteProperties.Cluster cluster;
    private volatile boolean shuttingDown;

    public SolverJobs(PlanRepository repository, PlanEvents events, ObjectMapper mapper,
            TechrouteProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.events = events;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
        this.settings = properties.solver();
        this.cluster = properties.cluster();
        this.instanceId = cluster.instanceId() != null && !cluster.instanceId().isBlank() ? cluster.instanceId()
                : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
        if (settings.slots() < 1 || settings.queueLength() < 0) {
            throw new IllegalArgumentException("techroute.solver.slots must be at least 1 and queue-length at least 0");
        }
        this.admission = new Semaphore(settings.slots() + settings.queueLength());
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "techroute-solver-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    // requests before solving: takes effect where the JVM maps priorities to the OS (see
                    // docs/operations.md, -XX:ThreadPriorityPolicy=1)
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
        this.saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "techroute-saver");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(100, settings.saveInterval().toMillis());
        saver.scheduleWithFixedDelay(this::saveAll, interval, interval, TimeUnit.MILLISECONDS);
        long heartbeat = Math.max(100, cluster.lease().toMillis() / 3);
        saver.scheduleWithFixedDelay(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
        Gauge.builder("techroute.solver.running", executor, ThreadPoolExecutor::getActiveCount)
                .description("plans being solved").register(meters);
        Gauge.builder("techroute.solver.queued", executor, e -> e.getQueue().size())
                .description("plans waiting for a solver slot").register(meters);
    }

    /** This instance's name in plan claims. */
    public String instanceId() {
        return instanceId;
    }

    /** When a claim made now expires. */
    public OffsetDateTime leaseUntil() {
        return now().plus(cluster.lease());
    }

    /** Whether a plan has a job (queued or solving) in this instance. */
    public boolean has(String planId) {
        return jobs.containsKey(planId);
    }

    /** A free slot or queue place, or empty (never 429): for plans this instance picks up by itself. */
    public Optional<Reservation> tryReserve() {
        if (shuttingDown || !admission.tryAcquire()) {
            return Optional.empty();
        }
        return Optional.of(new Reservation(admission));
    }

    /** Renews this instance's claims (plans queued, solving or being re-optimized here). */
    private void heartbeat() {
        try {
            repository.renewClaims(instanceId, leaseUntil());
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the claims of {}", instanceId, e);
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

    /**
     * Queues a plan (already SCHEDULED in the database) for solving, claimed by this instance; the future gets its
     * first best solution as a plan document (cancelled if there is none).
     */
    public CompletableFuture<Problem> start(Reservation reservation, String planId, int run, MappedProblem mapped) {
        SolverFactory<RoutePlan> factory = Planner.solverFactory(Planner.settings(mapped.problem()
                .optionsOrDefaults()));
        Job job = new Job(planId, run, mapped, factory, reservation);
        CompletableFuture<Problem> first = new CompletableFuture<>();
        job.waiters.add(new Waiter(0, first));
        repository.claim(planId, EnumSet.of(PlanStatus.SCHEDULED), instanceId, leaseUntil(), now());
        jobs.put(planId, job);
        events.status(planId, new SolverEvents.Status(planId, PlanStatus.SCHEDULED, run, null, null, null));
        try {
            executor.execute(job);
        } catch (RejectedExecutionException e) {
            finish(job, PlanStatus.STOPPED, "the service is shutting down", null);
        }
        return first;
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

    /** Waits (bounded) until a plan's job, if it has one, has ended and saved its last plan. */
    public boolean awaitEnd(String planId, java.time.Duration timeout) {
        Job job = jobs.get(planId);
        if (job == null) {
            return true;
        }
        try {
            job.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return true;
        }
    }

    /** A change put into a plan's running job: the document before and after, and the first best after it. */
    public record LiveChange(int run, Problem before, Problem changed, CompletableFuture<Problem> firstBest) {
    }

    /**
     * Puts a change into a plan's job without restarting it, or empty when the plan has no job that can take it
     * (none, stopping or ended). Under the job's lock: {@code apply} makes the changed document from the job's
     * latest one (the last saved best, or the last change), {@code prepare} maps it, {@code store} saves it; then
     * the solver gets a {@link LiveProblemChange} (a job still waiting for a slot simply starts from the changed
     * plan). From then on, best solutions are described and saved against the changed plan only. Changes that
     * arrive before the solver picks them up are applied together in one solver restart (Timefold's batching).
     */
    public Optional<LiveChange> changeLive(String planId, Function<Problem, Problem> apply,
            Function<Problem, MappedProblem> prepare, java.util.function.Consumer<Problem> store) {
        Job job = jobs.get(planId);
        if (job == null) {
            return Optional.empty();
        }
        synchronized (job.lock) {
            if (job.finished || job.stopRequested) {
                return Optional.empty();
            }
            Problem before = job.latest;
            Problem changed = apply.apply(before);
            MappedProblem target = prepare.apply(changed);
            store.accept(changed);
            int version = ++job.version;
            CompletableFuture<Problem> firstBest = new CompletableFuture<>();
            job.waiters.add(new Waiter(version, firstBest));
            job.latest = changed;
            job.target = target;
            Solver<RoutePlan> solver = job.solver;
            if (solver == null) {
                // not started yet: it will solve the changed plan from the start
                job.applied = target;
                job.appliedVersion = version;
            } else {
                solver.addProblemChanges(List.of(new VersionedChange(job, target, version)));
            }
            return Optional.of(new LiveChange(job.run, before, changed, firstBest));
        }
    }

    /** A {@link LiveProblemChange} that tells the job which plan its next best solutions belong to. */
    private static final class VersionedChange implements ProblemChange<RoutePlan> {
        private final Job job;
        private final MappedProblem target;
        private final int version;

        VersionedChange(Job job, MappedProblem target, int version) {
            this.job = job;
            this.target = target;
            this.version = version;
        }

        @Override
        public void doChange(RoutePlan working, ProblemChangeDirector director) {
            new LiveProblemChange(target).doChange(working, director);
            job.applied = target;
            job.appliedVersion = version;
        }
    }

    private record Waiter(int version, CompletableFuture<Problem> future) {
    }

    /** A best solution and the plan (problem) it is a solution of. */
    private record Best(RoutePlan plan, MappedProblem mapped) {
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
        if (!repository.startSolving(job.planId, instanceId, leaseUntil(), now())) {
            abandon(job, "the plan changed, or another instance took it, before solving started");
            return;
        }
        job.status = PlanStatus.SOLVING;
        events.status(job.planId, new SolverEvents.Status(job.planId, PlanStatus.SOLVING, job.run, null, null, null));
        try {
            Solver<RoutePlan> solver = job.factory.buildSolver();
            long started = System.nanoTime();
            solver.addEventListener(event -> onBest(job, solver, event, started));
            RoutePlan problem;
            synchronized (job.lock) {
                job.solver = solver;
                problem = job.target.plan();
                job.applied = job.target;
                job.appliedVersion = job.version;
            }
            if (job.stopRequested) {
                solver.terminateEarly();
            }
            RoutePlan best = solver.solve(problem);
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
        MappedProblem mapped = job.applied;
        int version = job.appliedVersion;
        job.pending.set(new Best(plan, mapped));
        List<Waiter> due = new ArrayList<>();
        for (Waiter waiter : job.waiters) {
            if (waiter.version() <= version) {
                due.add(waiter);
            }
        }
        if (!due.isEmpty()) {
            job.waiters.removeAll(due);
            try {
                Problem document;
                synchronized (job.lock) {
                    document = Planner.describe(mapped, plan, job.factory);
                }
                due.forEach(w -> w.future().complete(document));
            } catch (RuntimeException e) {
                due.forEach(w -> w.future().completeExceptionally(e));
            }
        }
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
            Best best = job.pending.getAndSet(null);
            if (best == null) {
                continue;
            }
            try {
                synchronized (job.lock) {
                    // a best of the plan before a change that is not yet in the solver is not saved
                    if (!job.finished && best.mapped() == job.target) {
                        Described described = describe(job, best);
                        if (repository.saveBest(job.planId, described.saved(), EnumSet.of(PlanStatus.SOLVING),
                                instanceId)) {
                            job.latest = described.document();
                        }
                    }
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot save the best plan of {}", job.planId, e);
            }
        }
    }

    /** A job that could not start solving here: its plan is left as it is (another instance may have it). */
    private void abandon(Job job, String reason) {
        synchronized (job.lock) {
            if (job.finished) {
                return;
            }
            job.finished = true;
            repository.release(job.planId, instanceId);
            job.status = PlanStatus.STOPPED;
        }
        LOG.info("plan {} not solved here: {}", job.planId, reason);
        jobs.remove(job.planId, job);
        job.reservation.release();
        job.waiters.forEach(w -> w.future().cancel(false));
        job.done.complete(null);
        events.complete(job.planId);
    }

    private void finish(Job job, PlanStatus status, String reason, RoutePlan best) {
        synchronized (job.lock) {
            if (job.finished) {
                return;
            }
            job.finished = true;
            Best pending = job.pending.getAndSet(null);
            Best last = best != null ? new Best(best, job.applied) : pending;
            try {
                PlanRepository.BestPlan saved = null;
                // a final best of the plan before a change the solver never took is not saved: the stored
                // (changed) plan stays
                if (last != null && last.mapped() == job.target) {
                    try {
                        saved = describe(job, last).saved();
                    } catch (RuntimeException e) {
                        LOG.warn("cannot describe the final plan of {}", job.planId, e);
                    }
                }
                if (!repository.finish(job.planId, RUNNING, status, reason, saved, now(), instanceId)) {
                    // stopped or taken meanwhile (e.g. through another instance): give the claim back anyway
                    repository.release(job.planId, instanceId);
                }
            } catch (RuntimeException e) {
                LOG.warn("cannot save the end of the run of {}", job.planId, e);
            }
            job.status = status;
        }
        jobs.remove(job.planId, job);
        job.reservation.release();
        job.waiters.forEach(w -> w.future().cancel(false));
        job.done.complete(null);
        events.status(job.planId, new SolverEvents.Status(job.planId, status, job.run, reason, job.bestScore,
                job.bestScore == null ? null : job.feasible));
        events.complete(job.planId);
    }

    private record Described(Problem document, PlanRepository.BestPlan saved) {
    }

    private Described describe(Job job, Best best) {
        Problem document = Planner.describe(best.mapped(), best.plan(), job.factory);
        try {
            return new Described(document, new PlanRepository.BestPlan(ProblemJson.write(document),
                    document.solution().score(), document.solution().feasible(),
                    mapper.writeValueAsString(document.solution().kpis()), now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write KPIs", e);
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "techroute";
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
        final SolverFactory<RoutePlan> factory;
        final Reservation reservation;
        final Object lock = new Object();
        final AtomicReference<Best> pending = new AtomicReference<>();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        final List<Waiter> waiters = new CopyOnWriteArrayList<>();
        /** The newest plan: what live changes are applied to and best solutions are saved against. */
        volatile MappedProblem target;
        /** The plan the solver works on now (target once it took the last change). */
        volatile MappedProblem applied;
        volatile int version;
        volatile int appliedVersion;
        /** The newest document: the last saved best, or the last change. */
        volatile Problem latest;
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
            this.target = mapped;
            this.applied = mapped;
            this.latest = mapped.problem();
            this.factory = factory;
            this.reservation = reservation;
        }

        @Override
        public void run() {
            SolverJobs.this.run(this);
        }
    }
}
