package org.techroute.benchmarks.day;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

import org.techroute.data.changes.ChangeApplier;
import org.techroute.data.changes.PlanChange;
import org.techroute.data.changes.PlanChangeRequest;
import org.techroute.data.demo.DemoFeature;
import org.techroute.data.demo.DemoProblemGenerator;
import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.model.Options;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Step;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;
import org.techroute.data.road.RoadDemoPoints;
import org.techroute.data.road.RoadGraph;
import org.techroute.data.solve.Planner;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Simulates a working day: a seeded demo day (one technician more, on standby without a shift), the morning
 * plan, then at random times through the day random changes, each applied and re-planned with {@code now}
 * exactly as the service does it ({@link ChangeApplier#apply}, then {@link Planner}'s mapping, the production
 * solver configuration with every default constraint and its plan document: {@link DayPlanner}), each plan checked by a {@link DayChecker}. Between
 * changes the technicians follow the latest plan exactly. Deterministic for a seed: solving stops after a step
 * limit, never on the clock.
 */
public final class DaySimulator {

    /** The simulated date and offset. */
    public static final LocalDate DAY = LocalDate.of(2026, 11, 24);
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(1);
    /** Changes come between these times. */
    static final LocalTime FIRST_CHANGE = LocalTime.of(8, 20);
    static final LocalTime LAST_CHANGE = LocalTime.of(16, 30);

    /**
     * What days to simulate.
     *
     * @param technicians technicians with a shift (one more is on standby)
     * @param stepLimit   local search steps per solve
     * @param features    optional parts of the generated days ({@link DemoFeature}: crews, dependencies, parts, ...)
     */
    public record Settings(int technicians, int visits, int changesPerDay, long stepLimit, TravelMode travelMode,
            Set<DemoFeature> features) {

        /** Days without optional features. */
        public Settings(int technicians, int visits, int changesPerDay, long stepLimit, TravelMode travelMode) {
            this(technicians, visits, changesPerDay, stepLimit, travelMode, Set.of());
        }
    }

    /** One change of the day and what it did. */
    public record ChangeOutcome(String time, String type, String description, boolean applied, int visitsMoved) {
    }

    /** An emergency (a visit added during the day) and when it was served in the day's last plan. */
    public record Emergency(String visitId, Priority priority, OffsetDateTime arrived, OffsetDateTime served,
            String unassignedReason) {

        /** Minutes from the call to the service start, or null when not served. */
        public Long delayMinutes() {
            return served == null ? null : Duration.between(arrived, served).toMinutes();
        }
    }

    /**
     * One simulated day.
     *
     * @param stalledSolves solves that ended on the move limit before their step limit (see {@link DayPlanner})
     */
    public record DayResult(long seed, int plans, long stalledSolves, List<ChangeOutcome> changes, List<Emergency> emergencies,
            List<Finding> findings, Problem lastPlan) {
    }

    private final Planner planner;
    private final Travel.Source travel;
    private final RoadGraph roadGraph;
    private final Settings settings;
    private final List<ChangeKind> kinds;

    /**
     * @param roadGraph the road graph homes and customers are placed on in {@code road} mode (null otherwise)
     */
    public DaySimulator(Planner planner, Travel.Source travel, RoadGraph roadGraph, Settings settings,
            List<ChangeKind> kinds) {
        this.planner = planner;
        this.travel = travel;
        this.roadGraph = roadGraph;
        this.settings = settings;
        this.kinds = List.copyOf(kinds);
    }

    public DayResult run(long seed) {
        DemoSpec spec = new DemoSpec("day " + seed, settings.technicians() + 1, settings.visits(), 1, DAY, OFFSET,
                settings.travelMode(), seed);
        PointSource points = settings.travelMode() == TravelMode.ROAD
                ? RoadDemoPoints.of(roadGraph, new DemoSpec(spec.name(), spec.technicians(), spec.visits()
                        + settings.changesPerDay(), 1, DAY, OFFSET, TravelMode.ROAD, seed))
                : PointSource.liechtenstein();
        Problem generated = DemoFeature.apply(DemoProblemGenerator.generate(spec, points), settings.features());
        String standby = generated.techniciansOrEmpty().get(generated.techniciansOrEmpty().size() - 1).id();
        Options options = generated.optionsOrDefaults().withTimeLimit(Duration.ofMinutes(10))
                .withStepLimit(settings.stepLimit()).withRandomSeed(seed);
        Problem problem = generated.withOptions(options).withResources(generated.techniciansOrEmpty(),
                generated.shiftsOrEmpty().stream().filter(s -> !s.technicianId().equals(standby)).toList(),
                generated.visitsOrEmpty());

        DayChecker checker = new DayChecker(seed, travel);
        List<Finding> findings = new ArrayList<>();
        List<ChangeOutcome> outcomes = new ArrayList<>();
        DayPlanner planner = new DayPlanner(this.planner);
        Problem plan = planner.solve(problem);
        findings.addAll(checker.check(null, null, null, plan));
        int plans = 1;

        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        int sequence = 0;
        for (OffsetDateTime now : changeTimes(random)) {
            sequence++;
            Optional<ChangeKind.Generated> drawn = draw(new ChangeKind.Day(plan, now, points, standby, sequence),
                    random);
            if (drawn.isEmpty()) {
                continue;
            }
            PlanChange change = drawn.get().change();
            String type = Changes.type(change);
            Problem changed;
            try {
                changed = ChangeApplier.apply(plan, new PlanChangeRequest(now, List.of(change)));
            } catch (InvalidProblemException refused) {
                if (!drawn.get().mustBeRefused()) {
                    findings.add(checker.changeFinding(now, change, null, "a valid change was refused: "
                            + refused.getMessage()));
                }
                outcomes.add(new ChangeOutcome(Changes.clock(now), type, Changes.describe(change), false, 0));
                continue;
            }
            if (drawn.get().mustBeRefused()) {
                findings.add(checker.changeFinding(now, change, ((PlanChange.AddShift) change).shift().id(),
                        "accepted, although the new shift overlaps a shift the technician already has"));
            }
            Problem next;
            try {
                next = planner.solve(changed);
            } catch (RuntimeException failed) {
                findings.add(checker.changeFinding(now, change, null, "the re-plan failed: " + failed.getMessage()));
                outcomes.add(new ChangeOutcome(Changes.clock(now), type, Changes.describe(change), false, 0));
                continue;
            }
            plans++;
            dump(seed, sequence, next);
            findings.addAll(checker.check(now, change, plan, next));
            outcomes.add(new ChangeOutcome(Changes.clock(now), type, Changes.describe(change), true,
                    moved(plan, next, now)));
            plan = next;
        }
        return new DayResult(seed, plans, planner.stalls(), outcomes, emergencies(checker, plan), findings, plan);
    }

    /** With {@code -Dtechroute.day.dump=DIR}, each re-plan is written to DIR/day-SEED-CHANGE.json for debugging. */
    private static void dump(long seed, int sequence, Problem plan) {
        String dir = System.getProperty("techroute.day.dump");
        if (dir != null) {
            try {
                java.nio.file.Files.createDirectories(java.nio.file.Path.of(dir));
                java.nio.file.Files.writeString(java.nio.file.Path.of(dir, "day-" + seed + "-" + sequence + ".json"),
                        org.techroute.data.json.ProblemJson.write(plan));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Distinct minutes between the first and last change time, sorted. */
    private TreeSet<OffsetDateTime> changeTimes(SplittableRandom random) {
        TreeSet<OffsetDateTime> times = new TreeSet<>();
        int first = FIRST_CHANGE.toSecondOfDay() / 60;
        int last = LAST_CHANGE.toSecondOfDay() / 60;
        while (times.size() < Math.min(settings.changesPerDay(), last - first)) {
            int minute = first + random.nextInt(last - first + 1);
            times.add(OffsetDateTime.of(DAY, LocalTime.ofSecondOfDay(minute * 60L), OFFSET));
        }
        return times;
    }

    /** A change of a kind drawn by weight; another kind when that one has nothing to change now. */
    private Optional<ChangeKind.Generated> draw(ChangeKind.Day day, SplittableRandom random) {
        int total = kinds.stream().mapToInt(ChangeKind::weight).sum();
        for (int attempt = 0; attempt < 6; attempt++) {
            int roll = random.nextInt(total);
            for (ChangeKind kind : kinds) {
                roll -= kind.weight();
                if (roll < 0) {
                    Optional<ChangeKind.Generated> made = kind.make(day, random);
                    if (made.isPresent()) {
                        return made;
                    }
                    break;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Visits of the previous plan's routes not started before {@code now} that the re-plan put on another shift,
     * left out, or moved in time by a minute or more.
     */
    static int moved(Problem before, Problem after, OffsetDateTime now) {
        Map<String, String[]> was = placements(before);
        Map<String, String[]> is = placements(after);
        int moved = 0;
        for (Map.Entry<String, String[]> entry : was.entrySet()) {
            String[] old = entry.getValue();
            if (OffsetDateTime.parse(old[1]).isBefore(now)) {
                continue;
            }
            String[] neu = is.get(entry.getKey());
            if (neu == null || !neu[0].equals(old[0]) || Math.abs(Duration.between(OffsetDateTime.parse(old[1]),
                    OffsetDateTime.parse(neu[1])).toSeconds()) >= 60) {
                moved++;
            }
        }
        return moved;
    }

    /** Visit id to {shift id, service start}. */
    private static Map<String, String[]> placements(Problem plan) {
        Map<String, String[]> placements = new HashMap<>();
        if (plan.solution() == null || plan.solution().routes() == null) {
            return placements;
        }
        for (Route route : plan.solution().routes()) {
            for (Step step : route.steps() == null ? List.<Step>of() : route.steps()) {
                if (step.type() == Step.StepType.SERVICE) {
                    placements.put(step.visitId(), new String[] { route.shiftId(), step.start().toString() });
                }
            }
        }
        return placements;
    }

    private static List<Emergency> emergencies(DayChecker checker, Problem plan) {
        PlanView view = new PlanView(plan);
        List<Emergency> emergencies = new ArrayList<>();
        checker.emergencyArrivals().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            Visit visit = view.visits.get(entry.getKey());
            if (visit == null) {
                return; // cancelled later
            }
            PlanView.Service served = view.services.get(entry.getKey());
            emergencies.add(new Emergency(entry.getKey(), visit.priorityOrDefault(), entry.getValue(),
                    served == null ? null : served.start(), view.unassigned.containsKey(entry.getKey())
                            ? view.unassigned.get(entry.getKey()).reason() : null));
        });
        return emergencies;
    }
}
