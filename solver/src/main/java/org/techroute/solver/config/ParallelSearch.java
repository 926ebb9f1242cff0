package org.techroute.solver.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ObjIntConsumer;

import ai.timefold.solver.core.api.domain.solution.cloner.SolutionCloner;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.ProblemFactChange;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.change.ProblemChange;
import ai.timefold.solver.core.api.solver.change.ProblemChangeDirector;
import ai.timefold.solver.core.api.solver.event.BestSolutionChangedEvent;
import ai.timefold.solver.core.api.solver.event.SolverEventListener;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.monitoring.MonitoringConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.solver.DefaultSolverFactory;

import org.techroute.solver.domain.RoutePlan;

/**
 * Several independent searches of one problem, one per thread, and the best of them: Timefold Community solves on
 * one thread, and a server has more cores. Search {@code i} is Timefold's solver of the given configuration with
 * the random seed {@code seed + i}, on its own planning clone of the problem (search 0 on the problem itself, as a
 * single solver would be); {@link #solve} returns the best final solution (the lowest search on a tie).
 * <p>
 * It is a {@link Solver}, so that callers that drive one (stop, live changes, best-solution listeners) drive all:
 * <ul>
 * <li>listeners see a new best only when it beats the best of every search so far (progress stays monotonic);
 * after a problem change, the first best of the changed problem, as a single solver reports it; only best solutions
 * of built plans ({@link ConstructedBests}), not a search's starting solution;</li>
 * <li>{@link #terminateEarly} stops every search;</li>
 * <li>a problem change is processed <em>once</em>, by the search that holds the best solution (the
 * <em>leader</em>), and every other search then starts again from a planning clone of the leader's working solution
 * with the change in it, for the time left. Giving the change to every search instead would run it once per
 * search: a change with side effects (the service stores the changed plan) would make them N times, a change that
 * adds its own new objects would put the same object into N working solutions, and the searches' routes could not
 * be brought in line (a problem change cannot move list variables in Timefold 1.32).</li>
 * </ul>
 * A search that throws fails the whole solve: the others are stopped and {@link #solve} throws, naming the search.
 * Threads are daemons named {@code <prefix>-<i>}. One instance solves one problem at a time.
 */
public final class ParallelSearch implements Solver<RoutePlan> {

    /** The most searches one solve may run. */
    public static final int MAX_THREADS = 16;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final List<DefaultSolverFactory<RoutePlan>> factories = new ArrayList<>();
    private final SolutionCloner<RoutePlan> cloner;
    /** The configuration of the searches (phases as in search 0). */
    private final SolverConfig searchConfig;
    private final TerminationConfig termination;
    private final Duration timeLimit;
    private final List<SolverEventListener<RoutePlan>> listeners = new CopyOnWriteArrayList<>();
    /** Held while a best solution is passed on and while a change runs: a best of the plan before never follows. */
    private final Object events = new Object();
    private String threadPrefix = "techroute-search-" + INSTANCES.incrementAndGet();
    private ObjIntConsumer<Solver<RoutePlan>> customizer = (solver, index) -> {
    };

    // the rest under "this"
    private Search[] searches = new Search[0];
    private boolean solving;
    private boolean terminated;
    private long started;
    /** How many problem changes the leader has taken: the "generation" of the problem solved now. */
    private int generation;
    private HardMediumSoftLongScore best;
    /** The search that takes the problem changes given and not yet processed; null when there are none. */
    private Search leader;
    private final List<ProblemChange<RoutePlan>> early = new ArrayList<>();
    private int pendingChanges;
    private boolean changesDropped;
    /** The leader's working solution right after its last change, with its generation: where the others restart. */
    private RoutePlan changedStart;
    private int changedGeneration;
    /** The search that ran the last changes, and whether it has reported its best with them (the others wait). */
    private Search changeOwner;
    private boolean changeAnnounced;
    private Throwable failure;
    private int failedSearch;

    /**
     * @param config  the configuration of one search (e.g. {@link TechrouteSolverConfig#create(SolveSettings,
     *                RoutePlan)}); search {@code i} uses its random seed plus {@code i}
     * @param threads how many searches, 1 to {@link #MAX_THREADS}
     */
    public ParallelSearch(SolverConfig config, int threads) {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be between 1 and " + MAX_THREADS);
        }
        long seed = config.getRandomSeed() == null ? SolveSettings.DEFAULT_RANDOM_SEED : config.getRandomSeed();
        for (int i = 0; i < threads; i++) {
            SolverConfig search = new SolverConfig(config).withRandomSeed(seed + i);
            if (i > 0 && config.getMonitoringConfig() == null) {
                // Timefold's default metrics have no tags: the searches would share (and fight over) them; with
                // metrics configured, the caller tags each search (see withCustomizer)
                search.setMonitoringConfig(new MonitoringConfig().withSolverMetricList(List.of()));
            }
            factories.add(new DefaultSolverFactory<>(search));
        }
        this.cloner = factories.get(0).getSolutionDescriptor().getSolutionCloner();
        this.searchConfig = config;
        this.termination = config.getTerminationConfig() == null ? new TerminationConfig()
                : config.getTerminationConfig();
        this.timeLimit = termination.getSpentLimit();
    }

    /** A parallel search of the production configuration for {@code settings} and {@code problem}. */
    public static ParallelSearch of(SolveSettings settings, RoutePlan problem) {
        return new ParallelSearch(TechrouteSolverConfig.create(settings, problem), settings.searchThreads());
    }

    /** Threads are named {@code prefix-0}, {@code prefix-1}... */
    public ParallelSearch withThreadNamePrefix(String prefix) {
        this.threadPrefix = prefix;
        return this;
    }

    /** Called with every solver built, and its search's index, before it solves (e.g. to tag its metrics). */
    public ParallelSearch withCustomizer(ObjIntConsumer<Solver<RoutePlan>> customizer) {
        this.customizer = customizer;
        return this;
    }

    public int threads() {
        return factories.size();
    }

    @Override
    public RoutePlan solve(RoutePlan problem) {
        int n = factories.size();
        Thread[] threads = new Thread[n];
        synchronized (this) {
            if (solving) {
                throw new IllegalStateException("already solving");
            }
            solving = true;
            started = System.nanoTime();
            generation = 0;
            best = null;
            failure = null;
            changedStart = null;
            changeOwner = null;
            changeAnnounced = false;
            changesDropped = false;
            searches = new Search[n];
            for (int i = 0; i < n; i++) {
                searches[i] = new Search(i, i == 0 ? problem : cloner.cloneSolution(problem));
            }
            if (!early.isEmpty()) {
                // changes given before the solve: the first search takes them, the others start from its result
                leader = searches[0];
                for (ProblemChange<RoutePlan> change : early) {
                    leader.queued.add(new Tracked(change, leader));
                }
                pendingChanges = early.size();
                early.clear();
                for (int i = 1; i < n; i++) {
                    searches[i].restart = true;
                }
            }
            for (int i = 0; i < n; i++) {
                threads[i] = new Thread(searches[i], threadPrefix + "-" + i);
                threads[i].setDaemon(true);
            }
        }
        try {
            for (Thread thread : threads) {
                thread.start();
            }
            joinAll(threads);
            synchronized (this) {
                if (failure != null) {
                    throw new IllegalStateException("search " + failedSearch + " of " + n + " failed: " + failure,
                            failure);
                }
                return bestResult();
            }
        } finally {
            synchronized (this) {
                solving = false;
                terminated = false;
                leader = null;
                pendingChanges = 0;
            }
        }
    }

    private void joinAll(Thread[] threads) {
        for (Thread thread : threads) {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                    terminateEarly();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The best final solution of the newest problem (lowest search on a tie). */
    private RoutePlan bestResult() {
        Search chosen = null;
        for (Search search : searches) {
            if (search.result != null && search.resultGeneration == generation
                    && (chosen == null || search.result.getScore().compareTo(chosen.result.getScore()) > 0)) {
                chosen = search;
            }
        }
        for (Search search : searches) {
            if (chosen == null && search.result != null) {
                chosen = search; // no search of the newest problem ended with a solution: the first that did
            }
        }
        if (chosen == null) {
            throw new IllegalStateException("no search ended with a solution");
        }
        return chosen.result;
    }

    @Override
    public synchronized boolean terminateEarly() {
        boolean wasSolving = solving && !terminated;
        terminated = true;
        for (Search search : searches) {
            if (search.solver != null) {
                search.solver.terminateEarly();
            }
        }
        notifyAll();
        return wasSolving;
    }

    @Override
    public synchronized boolean isSolving() {
        return solving;
    }

    @Override
    public synchronized boolean isTerminateEarly() {
        return terminated;
    }

    @Override
    public void addProblemChange(ProblemChange<RoutePlan> change) {
        addProblemChanges(List.of(change));
    }

    /** Gives the changes to the leader (see the class comment); the other searches stop, to start again after. */
    @Override
    public synchronized void addProblemChanges(List<ProblemChange<RoutePlan>> changes) {
        if (!solving) {
            early.addAll(changes);
            return;
        }
        if (leader == null) {
            leader = chooseLeader();
            if (leader == null) {
                changesDropped = true; // every search has ended: nothing takes them, as with a solver that ended
                return;
            }
        }
        List<ProblemChange<RoutePlan>> tracked = new ArrayList<>();
        for (ProblemChange<RoutePlan> change : changes) {
            tracked.add(new Tracked(change, leader));
        }
        pendingChanges += tracked.size();
        if (leader.solver != null) {
            leader.solver.addProblemChanges(tracked);
        } else {
            leader.queued.addAll(tracked);
        }
        for (Search search : searches) {
            if (search != leader && search.alive) {
                search.restart = true;
                if (search.solver != null) {
                    search.solver.terminateEarly();
                }
            }
        }
    }

    /** The running search of the newest problem with the best solution (the lowest on a tie or with none yet). */
    private Search chooseLeader() {
        Search chosen = null;
        for (Search search : searches) {
            if (search.alive && !search.restart && search.generation == generation && (chosen == null
                    || (search.best != null && (chosen.best == null || search.best.compareTo(chosen.best) > 0)))) {
                chosen = search;
            }
        }
        return chosen;
    }

    @Override
    public synchronized boolean isEveryProblemChangeProcessed() {
        return pendingChanges == 0 && early.isEmpty() && !changesDropped;
    }

    /** @deprecated Timefold's old API; use {@link #addProblemChange}. */
    @Override
    @Deprecated
    public boolean addProblemFactChange(ProblemFactChange<RoutePlan> change) {
        throw new UnsupportedOperationException("use addProblemChange");
    }

    /** @deprecated Timefold's old API; use {@link #addProblemChanges}. */
    @Override
    @Deprecated
    public boolean addProblemFactChanges(List<ProblemFactChange<RoutePlan>> changes) {
        throw new UnsupportedOperationException("use addProblemChanges");
    }

    /** @deprecated Timefold's old API; use {@link #isEveryProblemChangeProcessed}. */
    @Override
    @Deprecated
    public boolean isEveryProblemFactChangeProcessed() {
        return isEveryProblemChangeProcessed();
    }

    @Override
    public void addEventListener(SolverEventListener<RoutePlan> listener) {
        listeners.add(listener);
    }

    @Override
    public void removeEventListener(SolverEventListener<RoutePlan> listener) {
        listeners.remove(listener);
    }

    /** A best solution of one search: passed on when it is of the newest problem and beats every other so far. */
    private void onBest(Search search, BestSolutionChangedEvent<RoutePlan> event) {
        RoutePlan plan = event.getNewBestSolution();
        HardMediumSoftLongScore score = plan.getScore();
        synchronized (events) {
            long millis;
            synchronized (this) {
                if (terminated && search.solver != null) {
                    // solve() clears a stop asked for just before it started: ask again
                    search.solver.terminateEarly();
                }
                if (search == changeOwner && search.generation == changedGeneration && !changeAnnounced) {
                    // the first best with the change is the leader's (its working solution as the change left it):
                    // only now do the others start again, so that theirs come after it (they need "events")
                    changeAnnounced = true;
                    notifyAll();
                }
                if (search.generation != generation || score == null) {
                    return;
                }
                search.best = score;
                if (best != null && score.compareTo(best) <= 0) {
                    return;
                }
                best = score;
                millis = (System.nanoTime() - started) / 1_000_000;
            }
            BestSolutionChangedEvent<RoutePlan> passed = new BestSolutionChangedEvent<>(this, millis, plan, score,
                    event.isNewBestSolutionInitialized());
            for (SolverEventListener<RoutePlan> listener : listeners) {
                listener.bestSolutionChanged(passed);
            }
        }
    }

    /** A search ended with an error: the first one is kept, and every search stops. */
    private void fail(Search search, Throwable error) {
        synchronized (this) {
            if (failure == null) {
                failure = error;
                failedSearch = search.index;
            }
        }
        terminateEarly();
    }

    /** The termination of a search that starts again: the configured one, with the time left of the solve. */
    private SolverConfigOverride<RoutePlan> remaining(Duration left) {
        TerminationConfig copy = termination.copyConfig();
        copy.setSpentLimit(left);
        return new SolverConfigOverride<RoutePlan>().withTerminationConfig(copy);
    }

    /** A change that the leader runs once; the others start again from its working solution after the last. */
    private final class Tracked implements ProblemChange<RoutePlan> {
        private final ProblemChange<RoutePlan> change;
        private final Search owner;

        Tracked(ProblemChange<RoutePlan> change, Search owner) {
            this.change = change;
            this.owner = owner;
        }

        @Override
        public void doChange(RoutePlan working, ProblemChangeDirector director) {
            synchronized (events) {
                synchronized (ParallelSearch.this) {
                    // from now on, best solutions of the problem before the change are not passed on
                    generation++;
                    owner.generation = generation;
                    best = null;
                }
                try {
                    change.doChange(working, director);
                } finally {
                    synchronized (ParallelSearch.this) {
                        pendingChanges--;
                        if (pendingChanges == 0) {
                            changedStart = cloner.cloneSolution(working);
                            changedGeneration = generation;
                            changeOwner = owner;
                            changeAnnounced = false;
                            leader = null;
                            ParallelSearch.this.notifyAll();
                        }
                    }
                }
            }
        }
    }

    /** One search: solves, and solves again from the leader's changed solution when asked to. */
    private final class Search implements Runnable {
        final int index;
        final List<ProblemChange<RoutePlan>> queued = new ArrayList<>();
        RoutePlan start;
        volatile Solver<RoutePlan> solver;
        boolean alive = true;
        boolean restart;
        int generation;
        HardMediumSoftLongScore best;
        RoutePlan result;
        int resultGeneration;

        Search(int index, RoutePlan start) {
            this.index = index;
            this.start = start;
        }

        @Override
        public void run() {
            try {
                SolverConfigOverride<RoutePlan> override = null;
                while (true) {
                    RoutePlan from;
                    synchronized (ParallelSearch.this) {
                        if (restart) {
                            while (!terminated && awaitingChange()) {
                                ParallelSearch.this.wait();
                            }
                            Duration left = timeLimit == null ? null
                                    : Duration.ofMillis(timeLimit.minusNanos(System.nanoTime() - started).toMillis());
                            if (terminated || changedStart == null || pendingChanges > 0
                                    || (left != null && (left.isNegative() || left.isZero()))) {
                                return;
                            }
                            restart = false;
                            start = cloner.cloneSolution(changedStart);
                            generation = changedGeneration;
                            best = null;
                            override = left == null ? null : remaining(left);
                        } else if (terminated && (index > 0 || result != null)) {
                            return; // the first search solves in any case, so that there is a solution
                        }
                        from = start;
                    }
                    DefaultSolverFactory<RoutePlan> factory = factories.get(index);
                    Solver<RoutePlan> built = override == null ? factory.buildSolver() : factory.buildSolver(override);
                    customizer.accept(built, index);
                    ConstructedBests.listen(built, searchConfig, event -> onBest(this, event));
                    synchronized (ParallelSearch.this) {
                        if (restart) {
                            continue; // a change came while it was being built: start from the leader's result
                        }
                        solver = built;
                        if (!queued.isEmpty()) {
                            built.addProblemChanges(new ArrayList<>(queued));
                            queued.clear();
                        }
                        if (terminated) {
                            built.terminateEarly(); // asked again once it solves (see onBest)
                        }
                    }
                    RoutePlan solved = built.solve(from);
                    synchronized (ParallelSearch.this) {
                        solver = null;
                        result = solved;
                        resultGeneration = generation;
                        if (!restart || terminated) {
                            alive = false;
                            return;
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                fail(this, e);
            } finally {
                synchronized (ParallelSearch.this) {
                    alive = false;
                    solver = null;
                    ParallelSearch.this.notifyAll();
                }
            }
        }

        /** Whether the changes given are still to be run, or their leader still to report its best with them. */
        private boolean awaitingChange() {
            if (pendingChanges > 0) {
                return leader != null && leader.alive;
            }
            return !changeAnnounced && changeOwner != null && changeOwner.alive;
        }
    }
}
