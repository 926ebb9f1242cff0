package org.techroute.api.plans;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
import org.techroute.data.model.Solution;
import org.techroute.data.plan.PlanBuilder;
import org.techroute.data.solve.Planner;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.solver.domain.RoutePlan;

/**
 * Runs solving jobs: {@code techroute.solver.slots} solvers at a time, up to {@code queue-length} plans waiting
 * (SCHEDULED) for a slot, 429 beyond that. Each job builds its own {@link Solver} from the plan's options (time
 * limit, seed, step limit). New best solutions are saved at most once per {@code save-interval}, plus the final
 * one; every new best score and status change goes to the plan's event streams. On shutdown, running jobs are
 * stopped early and their best plans saved as STOPPED.
 * <p>
 * Waiting plans start by {@link Priority}: runs for the day in progress (a change request, a plan with
 * {@code now}) before ordinary ones, first come first served within a priority.
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
    private final AtomicLong sequence = new AtomicLong();
    /** The last changes per plan (for GET .../changes/{changeId}), for the most recently changed plans. */
    private final Map<String, Deque<ChangeTrack>> tracks = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<ChangeTrack>> eldest) {
            return size() > TRACKED_PLANS;
        }
    };
    static final int TRACKED_PLANS = 500;
    static final int TRACKED_CHANGES_PER_PLAN = 20;
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
        Comparator<Runnable> order = Comparator.comparingInt((Runnable r) -> r instanceof Job job
                ? job.priority.ordinal() : Integer.MAX_VALUE).thenComparingLong(r -> r instanceof Job job
                        ? job.sequence : Long.MAX_VALUE);
        this.executor = new ThreadPoolExecutor(settings.slots(), settings.slots(), 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(11, order), runnable -> {
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

    /** The order in which waiting plans get a solver slot. */
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
     * Queues a plan (already SCHEDULED in the database) for solving, claimed by this instance; the future gets its
     * first best solution as a plan document (cancelled if there is none). Its priority follows from the problem
     * ({@link Priority#of}).
     */
    public CompletableFuture<Problem> start(Reservation reservation, String planId, int run, MappedProblem mapped) {
        return start(reservation, planId, run, mapped, Priority.of(mapped.problem()), null);
    }

    /**
     * Queues a plan at a priority; {@code change} (optional, already applied) is the change request that this run
     * re-plans: it follows the run's best solutions.
     */
    public CompletableFuture<Problem> start(Reservation reservation, String planId, int run, MappedProblem mapped,
            Priority priority, ChangeTrack change) {
        SolverFactory<RoutePlan> factory = Planner.solverFactory(Planner.settings(mapped.problem()
                .optionsOrDefaults()));
        Job job = new Job(planId, run, mapped, factory, reservation, priority);
        CompletableFuture<Problem> first = new CompletableFuture<>();
        job.waiters.add(new Waiter(0, first, change));
        if (change != null) {
            job.tracks.add(new Tracked(0, change));
        }
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

    /**
     * A change put into a plan's job: the run, the change's track (its state, the version it was applied to) and the
     * first best solution after it (completed exceptionally with {@link InvalidProblemException} when the change
     * could not be applied to the solver's routes, or {@link ChangeNotApplied} when the run ended first).
     */
    public record LiveChange(int run, ChangeTrack track, CompletableFuture<Problem> firstBest) {
    }

    /** The run ended before its solver took a change: nothing was changed. */
    public static final class ChangeNotApplied extends RuntimeException {
        ChangeNotApplied(String message) {
            super(message);
        }
    }

    /**
     * Puts a change into a plan's job without restarting it, or empty when the plan has no job that can take it
     * (none, stopping or ended). {@code apply} makes the changed document from a plan document, {@code prepare}
     * maps it, {@code store} saves it.
     * <p>
     * First, under the job's lock, the change is checked against the newest known plan (the newest best solution,
     * or the projection of the changes still on their way): {@code apply} or {@code prepare} throwing here means
     * nothing was changed. A job still waiting for a slot then simply starts from the changed plan. A running
     * solver gets a problem change that, when the solver takes it (Timefold first resets its working solution to
     * its best solution), describes the working solution, applies the change to that document (so visits started
     * before {@code now} are pinned where the solver has them), maps and stores it, and puts it into the working
     * solution; if that fails the solver is left as it was and the change's track and future say why. From then on,
     * best solutions are described and saved against the changed plan. Changes that arrive before the solver picks
     * them up are applied in order, in one solver restart (Timefold's batching).
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
            Problem newest = newestKnown(job);
            Problem projected = apply.apply(newest);
            MappedProblem projectedTarget = prepare.apply(projected);
            ChangeTrack track = newTrack(planId, "LIVE", job.run);
            int version = ++job.version;
            CompletableFuture<Problem> firstBest = new CompletableFuture<>();
            job.waiters.add(new Waiter(version, firstBest, track));
            job.tracks.add(new Tracked(version, track));
            Solver<RoutePlan> solver = job.solver;
            if (solver == null) {
                // not started yet: it will solve the changed plan from the start; newest is what it would start from
                store.accept(projected);
                job.latest = projected;
                job.target = projectedTarget;
                job.applied = projectedTarget;
                job.appliedVersion = version;
                track.applied(newest, projected);
            } else {
                job.latest = projected;
                job.unapplied++;
                solver.addProblemChanges(List.of(new VersionedChange(job, track, version, apply, prepare, store)));
            }
            return Optional.of(new LiveChange(job.run, track, firstBest));
        }
    }

    /**
     * The newest plan document this job knows, under its lock: the newest best solution (described without score
     * analysis) when no change is on its way to the solver, else the last change's projection (or the last saved
     * best).
     */
    private Problem newestKnown(Job job) {
        Best newest = job.newest;
        if (job.unapplied == 0 && newest != null && newest.mapped() == job.target) {
            return routesOf(newest.mapped(), newest.plan());
        }
        return job.latest;
    }

    /** A plan document of a model as it stands, with routes and steps but without the score analysis. */
    static Problem routesOf(MappedProblem mapped, RoutePlan plan) {
        Solution built = PlanBuilder.build(mapped, plan, null);
        return mapped.problem().withSolution(new Solution(built.score(), built.feasible(), built.kpis(),
                built.routes(), built.unassignedVisits(), null, built.warnings(), built.snaps()));
    }

    /** A change that is applied to the routes the solver is working on, when the solver takes it. */
    private final class VersionedChange implements ProblemChange<RoutePlan> {
        private final Job job;
        private final ChangeTrack track;
        private final int version;
        private final Function<Problem, Problem> apply;
        private final Function<Problem, MappedProblem> prepare;
        private final java.util.function.Consumer<Problem> store;

        VersionedChange(Job job, ChangeTrack track, int version, Function<Problem, Problem> apply,
                Function<Problem, MappedProblem> prepare, java.util.function.Consumer<Problem> store) {
            this.job = job;
            this.track = track;
            this.version = version;
            this.apply = apply;
            this.prepare = prepare;
            this.store = store;
        }

        @Override
        public void doChange(RoutePlan working, ProblemChangeDirector director) {
            MappedProblem target;
            synchronized (job.lock) {
                job.unapplied--;
                Problem basedOn = null;
                Problem changed;
                try {
                    // the working solution is the solver's best solution at this point (Timefold resets it first)
                    basedOn = routesOf(job.applied, working);
                    changed = apply.apply(basedOn);
                    target = prepare.apply(changed);
                    store.accept(changed);
                } catch (RuntimeException e) {
                    if (!(e instanceof InvalidProblemException)) {
                        LOG.warn("live change to plan {} could not be applied to the running solver", job.planId, e);
                    }
                    if (basedOn != null && job.unapplied == 0) {
                        job.latest = basedOn;
                    }
                    notApplied(job, track, version, e);
                    return; // the solver is left as it was
                }
                if (job.unapplied == 0) {
                    job.latest = changed;
                }
                job.target = target;
                job.applied = target;
                job.appliedVersion = version;
                track.applied(basedOn, changed);
            }
            new LiveProblemChange(target).doChange(working, director);
        }
    }

    /** A change that did not go in: its track and waiter say why; nothing was changed. */
    private void notApplied(Job job, ChangeTrack track, int version, RuntimeException cause) {
        List<org.techroute.data.model.Violation> violations = cause instanceof InvalidProblemException invalid
                ? invalid.violations() : List.of();
        String reason = cause instanceof InvalidProblemException
                ? "the change cannot be applied to the routes the solver is working on; nothing was changed"
                : cause instanceof ChangeNotApplied ? cause.getMessage()
                        : "the change could not be applied (see the service log); nothing was changed";
        track.failed(reason, violations);
        for (Waiter waiter : job.waiters) {
            if (waiter.version() == version && waiter.track() == track) {
                job.waiters.remove(waiter);
                waiter.future().completeExceptionally(cause instanceof InvalidProblemException
                        || cause instanceof ChangeNotApplied ? cause : new ChangeNotApplied(reason));
            }
        }
    }

    /** A new change track for a plan, kept for {@link #track}. */
    public ChangeTrack newTrack(String planId, String mode, int run) {
        ChangeTrack track = new ChangeTrack(UUID.randomUUID().toString(), planId, mode, run);
        synchronized (tracks) {
            Deque<ChangeTrack> list = tracks.computeIfAbsent(planId, k -> new ArrayDeque<>());
            list.addLast(track);
            while (list.size() > TRACKED_CHANGES_PER_PLAN) {
                list.removeFirst();
            }
        }
        return track;
    }

    /** One of a plan's last changes. */
    public Optional<ChangeTrack> track(String planId, String changeId) {
        synchronized (tracks) {
            Deque<ChangeTrack> list = tracks.get(planId);
            return list == null ? Optional.empty()
                    : list.stream().filter(t -> t.id().equals(changeId)).findFirst();
        }
    }

    /** Forgets a plan's changes (the plan was deleted). */
    public void forgetChanges(String planId) {
        synchronized (tracks) {
            tracks.remove(planId);
        }
    }

    private record Waiter(int version, CompletableFuture<Problem> future, ChangeTrack track) {
    }

    /** A best solution, the plan (problem) it is a solution of, and that plan's change version. */
    private record Best(RoutePlan plan, MappedProblem mapped, int version) {
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
        Best newBest = new Best(plan, mapped, version);
        job.pending.set(newBest);
        job.newest = newBest;
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
                due.forEach(w -> {
                    if (w.track() != null) {
                        w.track().firstBest(document.solution());
                    }
                    w.future().complete(document);
                });
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
                            if (job.unapplied == 0) {
                                job.latest = described.document();
                            }
                            follow(job, best.version(), described.document().solution(), false);
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
        follow(job, job.appliedVersion, null, true);
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
            Best last = best != null ? new Best(best, job.applied, job.appliedVersion) : pending;
            try {
                PlanRepository.BestPlan saved = null;
                Solution finalSolution = null;
                if (last != null && last.mapped() == job.target) {
                    try {
                        Described described = describe(job, last);
                        saved = described.saved();
                        finalSolution = described.document().solution();
                    } catch (RuntimeException e) {
                        LOG.warn("cannot describe the final plan of {}", job.planId, e);
                    }
                }
                // changes the solver never took: nothing of them was stored
                for (Waiter waiter : job.waiters) {
                    if (waiter.track() != null && waiter.track().state() == ChangeTrack.State.QUEUED) {
                        notApplied(job, waiter.track(), waiter.version(), new ChangeNotApplied("the run ended"
                                + " before the solver took the change; nothing was changed: send it again"));
                    }
                }
                follow(job, last == null ? job.appliedVersion : last.version(), finalSolution, true);
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

    /** Tells the changes this job re-plans (those of version {@code version} or before) about a saved best. */
    private void follow(Job job, int version, Solution solution, boolean last) {
        for (Tracked tracked : job.tracks) {
            if (tracked.version() <= version) {
                tracked.track().best(solution, now(), last);
            } else if (last) {
                tracked.track().runEnded();
            }
        }
    }

    /** A change this job re-plans, with its version. */
    private record Tracked(int version, ChangeTrack track) {
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
        final List<Tracked> tracks = new CopyOnWriteArrayList<>();
        final Priority priority;
        final long sequence;
        /** The newest plan: what live changes are applied to and best solutions are saved against. */
        volatile MappedProblem target;
        /** The plan the solver works on now (target once it took the last change). */
        volatile MappedProblem applied;
        volatile int version;
        volatile int appliedVersion;
        /** The newest document: the last saved best, or the last change (projected while changes are on their way). */
        volatile Problem latest;
        /** The newest best solution. */
        volatile Best newest;
        /** Live changes given to the solver that it has not taken yet (under the lock). */
        int unapplied;
        volatile PlanStatus status = PlanStatus.SCHEDULED;
        volatile boolean stopRequested;
        volatile String stopReason;
        volatile Solver<RoutePlan> solver;
        volatile String bestScore;
        volatile boolean feasible;
        volatile OffsetDateTime bestAt;
        boolean finished;

        Job(String planId, int run, MappedProblem mapped, SolverFactory<RoutePlan> factory, Reservation reservation,
                Priority priority) {
            this.planId = planId;
            this.priority = priority;
            this.sequence = SolverJobs.this.sequence.incrementAndGet();
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
