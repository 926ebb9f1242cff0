package org.techroute.data.whatif;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Technician;
import org.techroute.data.model.Visit;
import org.techroute.data.model.Violation;
import org.techroute.data.solve.Planner;
import org.techroute.data.solve.Progress;
import org.techroute.data.travel.UnsupportedTravelModeException;
import org.techroute.data.validation.InvalidProblemException;

/**
 * Solves named variants of one problem, one after the other, and lines up their KPIs. A variant that makes the
 * problem invalid (say, removing a technician that a visit requires) is reported as such; the others still run.
 */
public final class WhatIfComparison {

    private final Planner planner;

    public WhatIfComparison(Planner planner) {
        this.planner = planner;
    }

    /** Checks the request itself: at least one variant, names present and unique. */
    public static List<Violation> check(WhatIfRequest request) {
        List<Violation> violations = new ArrayList<>();
        if (request == null || request.variants() == null || request.variants().isEmpty()) {
            violations.add(new Violation("$.variants", null, "at least one variant is needed"));
            return violations;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < request.variants().size(); i++) {
            Variant variant = request.variants().get(i);
            String path = "$.variants[" + i + "]";
            if (variant == null || variant.name() == null || variant.name().isBlank()) {
                violations.add(new Violation(path + ".name", null, "a variant needs a name"));
            } else if (!names.add(variant.name())) {
                violations.add(new Violation(path + ".name", variant.name(), "duplicate variant name"));
            } else if (variant.timeLimit() != null && (variant.timeLimit().isNegative()
                    || variant.timeLimit().isZero())) {
                violations.add(new Violation(path + ".timeLimit", variant.name(), "time limit must be positive"));
            }
        }
        return violations;
    }

    /**
     * Solves every variant of {@code base} (its {@code solution} is ignored: each variant starts afresh).
     *
     * @param progress told each variant's name as it starts and every new best score
     */
    public List<VariantResult> compare(Problem base, WhatIfRequest request, BiConsumer<String, Progress> progress) {
        List<VariantResult> results = new ArrayList<>();
        for (Variant variant : request.variants()) {
            Problem problem = apply(base.withSolution(null), variant);
            try {
                Problem plan = planner.solve(problem, p -> progress.accept(variant.name(), p));
                Solution solution = plan.solution();
                results.add(new VariantResult(variant.name(), "SOLVED", solution.score(), solution.feasible(),
                        solution.kpis(), null));
            } catch (InvalidProblemException e) {
                results.add(new VariantResult(variant.name(), "INVALID", null, null, null, e.violations()));
            } catch (UnsupportedTravelModeException e) {
                results.add(new VariantResult(variant.name(), "INVALID", null, null, null,
                        List.of(new Violation("$.options.travelMode", null, e.getMessage()))));
            }
        }
        return results;
    }

    /** The base problem with the variant's changes. */
    public static Problem apply(Problem base, Variant variant) {
        Set<String> removedTechnicians = new HashSet<>(orEmpty(variant.removeTechnicianIds()));
        Set<String> removedShifts = new HashSet<>(orEmpty(variant.removeShiftIds()));
        List<Technician> technicians = new ArrayList<>();
        for (Technician technician : base.techniciansOrEmpty()) {
            if (!removedTechnicians.contains(technician.id())) {
                technicians.add(technician);
            }
        }
        technicians.addAll(orEmpty(variant.addTechnicians()));
        List<Shift> shifts = new ArrayList<>();
        for (Shift shift : base.shiftsOrEmpty()) {
            if (removedShifts.contains(shift.id()) || removedTechnicians.contains(shift.technicianId())) {
                continue;
            }
            shifts.add(shiftEnd(shift, variant.shiftEndDeltaSeconds()));
        }
        for (Shift shift : orEmpty(variant.addShifts())) {
            shifts.add(shiftEnd(shift, variant.shiftEndDeltaSeconds()));
        }
        Options options = base.optionsOrDefaults();
        Map<String, Long> weights = new LinkedHashMap<>(options.effectiveConstraintWeights());
        if (variant.constraintWeights() != null) {
            weights.putAll(variant.constraintWeights());
        }
        options = new Options(variant.timeLimit() != null ? variant.timeLimit() : options.timeLimit(),
                options.travelMode(), options.haversineSpeedKmh(), options.randomSeed(), options.stepLimit(),
                weights.isEmpty() ? null : weights, options.searchThreads());
        // a visit pinned to a shift the variant removes (started, frozen or locked by the dispatcher) goes back to
        // planning in that variant: the variant asks what the day would be without that shift
        Set<String> kept = new HashSet<>();
        shifts.forEach(shift -> kept.add(shift.id()));
        List<Visit> visits = base.visits() == null ? null : base.visits().stream().map(visit -> visit.pin() != null
                && !kept.contains(visit.pin().shiftId()) ? visit.withPin(null) : visit).toList();
        // every other field of the base (its "now" included) carries over: a variant of a day under way is
        // still that day under way
        return base.withName(base.name() == null ? variant.name() : base.name() + " — " + variant.name())
                .withOptions(options).withResources(technicians, shifts, visits).withSolution(null);
    }

    private static Shift shiftEnd(Shift shift, Long deltaSeconds) {
        if (deltaSeconds == null || deltaSeconds == 0 || shift.end() == null) {
            return shift;
        }
        return shift.withEnd(shift.end().plusSeconds(deltaSeconds));
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
