package org.techroute.benchmarks.vrptw;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.ListRuinRecreateMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.list.kopt.KOptListMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.techroute.data.mapping.ProblemMapper;
import org.techroute.data.solve.Planner;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.solver.config.SolveSettings;
import org.techroute.solver.config.TechrouteSolverConfig;
import org.techroute.solver.move.NearbyMoveIteratorFactory;
import org.techroute.solver.move.RuinRecreateMoveIteratorFactory;
import org.techroute.solver.domain.RoutePlan;

/**
 * Compares local search configurations with Timefold's Benchmarker on a few VRPTW instances and writes the HTML
 * report under {@code benchmarks/target/tuning}. Scores there are the solver's (travel milliseconds), not the
 * double-precision distances of {@link VrptwBenchmark}.
 *
 * <pre>
 * TuningBenchmark --instances PATH... [--time-limit PT20S] [--configs name,name...] [--out DIR]
 * </pre>
 * Configurations: {@code timefold-default} (Timefold's default local search, techroute's first version),
 * {@code techroute} (the product default), and the variants in {@link #VARIANTS}.
 */
public final class TuningBenchmark {

    static final Map<String, Supplier<LocalSearchPhaseConfig>> VARIANTS = new LinkedHashMap<>();

    static {
        VARIANTS.put("timefold-default", LocalSearchPhaseConfig::new);
        VARIANTS.put("techroute", TechrouteSolverConfig::localSearch);
        VARIANTS.put("techroute-equal-weights", () -> {
            // Every move selector as likely as the others (before: nearby moves 3x/2x/2x).
            LocalSearchPhaseConfig phase = TechrouteSolverConfig.localSearch();
            ((UnionMoveSelectorConfig) phase.getMoveSelectorConfig()).getMoveSelectorList()
                    .forEach(selector -> selector.setFixedProbabilityWeight(1.0));
            return phase;
        });
        VARIANTS.put("techroute-ruin-rare", () -> {
            LocalSearchPhaseConfig phase = TechrouteSolverConfig.localSearch();
            UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) phase.getMoveSelectorConfig();
            List<ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig> selectors =
                    new ArrayList<>(union.getMoveSelectorList());
            ListRuinRecreateMoveSelectorConfig ruin = new ListRuinRecreateMoveSelectorConfig()
                    .withMinimumRuinedCount(5).withMaximumRuinedCount(20);
            ruin.setFixedProbabilityWeight(0.02);
            selectors.add(ruin);
            union.setMoveSelectorList(selectors);
            return phase;
        });
        VARIANTS.put("techroute-la400", () -> withLateAcceptance(TechrouteSolverConfig.localSearch(), 400));
        VARIANTS.put("techroute-la100", () -> withLateAcceptance(TechrouteSolverConfig.localSearch(), 100));
        VARIANTS.put("techroute-la1000", () -> withLateAcceptance(TechrouteSolverConfig.localSearch(), 1000));
        VARIANTS.put("techroute-la50", () -> withLateAcceptance(TechrouteSolverConfig.localSearch(), 50));
        VARIANTS.put("techroute-la200", () -> withLateAcceptance(TechrouteSolverConfig.localSearch(), 200));
        VARIANTS.put("techroute-no-string-ruin", () -> withStringRuinWeight(0));
        VARIANTS.put("techroute-string-ruin-1", () -> withStringRuinWeight(1));
        VARIANTS.put("techroute-string-ruin-10", () -> withStringRuinWeight(10));
        VARIANTS.put("techroute-la100-nearby-only", () -> {
            LocalSearchPhaseConfig phase = withLateAcceptance(TechrouteSolverConfig.localSearch(), 100);
            UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) phase.getMoveSelectorConfig();
            union.setMoveSelectorList(union.getMoveSelectorList().stream()
                    .filter(TuningBenchmark::isNearby).toList());
            return phase;
        });
        for (int k : new int[] { 10, 40 }) {
            VARIANTS.put("techroute-la100-k" + k, () -> {
                LocalSearchPhaseConfig phase = withLateAcceptance(TechrouteSolverConfig.localSearch(), 100);
                UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) phase.getMoveSelectorConfig();
                union.getMoveSelectorList().stream().filter(TuningBenchmark::isNearby)
                        .forEach(s -> ((MoveIteratorFactoryConfig) s)
                                .setMoveIteratorFactoryCustomProperties(Map.of("nearest", Integer.toString(k))));
                return phase;
            });
        }
        VARIANTS.put("techroute-la100-kopt", () -> {
            LocalSearchPhaseConfig phase = withLateAcceptance(TechrouteSolverConfig.localSearch(), 100);
            UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) phase.getMoveSelectorConfig();
            List<ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig> selectors =
                    new ArrayList<>(union.getMoveSelectorList());
            selectors.add(new KOptListMoveSelectorConfig());
            union.setMoveSelectorList(selectors);
            return phase;
        });
        VARIANTS.put("techroute-ruin", () -> {
            LocalSearchPhaseConfig phase = TechrouteSolverConfig.localSearch();
            UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) phase.getMoveSelectorConfig();
            List<ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig> selectors =
                    new ArrayList<>(union.getMoveSelectorList());
            selectors.add(new ListRuinRecreateMoveSelectorConfig());
            union.setMoveSelectorList(selectors);
            return phase;
        });
    }

    private TuningBenchmark() {
    }

    private static boolean isNearby(ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig<?> s) {
        return s instanceof MoveIteratorFactoryConfig factory
                && NearbyMoveIteratorFactory.class.isAssignableFrom(factory.getMoveIteratorFactoryClass());
    }

    private static boolean isStringRuin(ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig<?> s) {
        return s instanceof MoveIteratorFactoryConfig factory
                && factory.getMoveIteratorFactoryClass() == RuinRecreateMoveIteratorFactory.class;
    }

    /** The product's local search with the string ruin-and-recreate move at another weight (0: without it). */
    private static LocalSearchPhaseConfig withStringRuinWeight(double weight) {
        LocalSearchPhaseConfig phase = TechrouteSolverConfig.localSearch();
        UnionMoveSelectorConfig union = (UnionMoveSelectorConfig) phase.getMoveSelectorConfig();
        if (weight == 0) {
            union.setMoveSelectorList(union.getMoveSelectorList().stream().filter(s -> !isStringRuin(s)).toList());
        } else {
            union.getMoveSelectorList().stream().filter(TuningBenchmark::isStringRuin)
                    .forEach(s -> s.setFixedProbabilityWeight(weight));
        }
        return phase;
    }

    static LocalSearchPhaseConfig withLateAcceptance(LocalSearchPhaseConfig phase, int size) {
        // another history size; the production's condition of no worse hard or medium step stays
        return phase.withAcceptorConfig(TechrouteSolverConfig.acceptor(size));
    }

    public static void main(String[] args) throws Exception {
        List<Path> instances = new ArrayList<>();
        Duration limit = Duration.ofSeconds(20);
        List<String> configs = List.of("timefold-default", "techroute");
        Path out = Path.of("benchmarks/target/tuning");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--instances" -> {
                    while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                        Path path = Path.of(args[++i]);
                        if (Files.isDirectory(path)) {
                            try (Stream<Path> files = Files.list(path)) {
                                files.filter(f -> f.toString().toLowerCase().endsWith(".txt")).sorted()
                                        .forEach(instances::add);
                            }
                        } else {
                            instances.add(path);
                        }
                    }
                }
                case "--time-limit" -> limit = Duration.parse(args[++i]);
                case "--configs" -> configs = List.of(args[++i].split(","));
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i] + "; known: --instances,"
                        + " --time-limit, --configs " + VARIANTS.keySet() + ", --out");
            }
        }
        VrptwBenchmark.quietSolverLogs();
        Planner planner = new Planner(new ProblemMapper(new ProblemValidator(), TravelMatrices.withoutRoads()));
        List<RoutePlan> problems = new ArrayList<>();
        for (Path file : instances) {
            problems.add(planner.prepare(SolomonReader.toProblem(SolomonReader.read(file), limit, 0)).plan());
        }
        List<SolverBenchmarkConfig> solverBenchmarks = new ArrayList<>();
        for (String name : configs) {
            Supplier<LocalSearchPhaseConfig> variant = VARIANTS.get(name);
            if (variant == null) {
                throw new IllegalArgumentException("unknown config " + name + "; known: " + VARIANTS.keySet());
            }
            solverBenchmarks.add(new SolverBenchmarkConfig().withName(name)
                    .withSolverConfig(solverConfig(SolveSettings.of(limit), variant.get())));
        }
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig()
                .withBenchmarkDirectory(out.toFile())
                .withParallelBenchmarkCount("1")
                .withWarmUpSecondsSpentLimit(0L)
                .withSolverBenchmarkConfigList(solverBenchmarks);
        File report = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(problems).benchmark();
        System.out.println("report: " + report);
    }

    /** The product configuration with its local search phase replaced. */
    static SolverConfig solverConfig(SolveSettings settings, LocalSearchPhaseConfig localSearch) {
        SolverConfig config = TechrouteSolverConfig.create(settings);
        localSearch.setTerminationConfig(TechrouteSolverConfig.localSearchOf(config).getTerminationConfig());
        return TechrouteSolverConfig.withLocalSearch(config, localSearch);
    }
}
