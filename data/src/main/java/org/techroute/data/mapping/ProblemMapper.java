package org.techroute.data.mapping;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.techroute.data.model.Location;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Violation;
import org.techroute.data.travel.LocationError;
import org.techroute.data.travel.MatrixResult;
import org.techroute.data.travel.TravelMatrices;
import org.techroute.data.validation.InvalidProblemException;
import org.techroute.data.validation.ProblemValidator;
import org.techroute.data.validation.ValidationReport;
import org.techroute.solver.domain.Certification;
import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.ShiftBreak;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.TimeWindow;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitDependency;
import org.techroute.solver.explain.Blocker;
import org.techroute.solver.explain.ServiceabilityCheck;
import org.techroute.solver.score.TechrouteConstraint;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * Turns a problem document into the planning model: validates it, collects its distinct locations, has the
 * travel matrix built for them, and maps technicians, shifts and visits (times to epoch milliseconds,
 * locations to matrix indexes). Pinned visits and the routes of a previous solution become the start state.
 */
public final class ProblemMapper {

    private final ProblemValidator validator;
    private final TravelMatrices matrices;
    private final boolean serviceabilityWarnings;

    public ProblemMapper(ProblemValidator validator, TravelMatrices matrices) {
        this(validator, matrices, true);
    }

    private ProblemMapper(ProblemValidator validator, TravelMatrices matrices, boolean serviceabilityWarnings) {
        this.validator = validator;
        this.matrices = matrices;
        this.serviceabilityWarnings = serviceabilityWarnings;
    }

    /**
     * A mapper for quick queries on a plan (appointment slots): straight-line travel computed pair by pair, and no
     * warnings about visits no shift can serve (a check of every visit against every shift).
     */
    public ProblemMapper forQueries() {
        return new ProblemMapper(validator, matrices.withStraightLinesOnDemand(), false);
    }

    /**
     * @throws InvalidProblemException when the problem has errors (nothing is solved then)
     * @throws org.techroute.data.travel.UnsupportedTravelModeException when its travel mode is not available
     */
    public MappedProblem map(Problem problem) {
        ValidationReport report = validator.validate(problem);
        if (!report.isValid()) {
            throw new InvalidProblemException(report.errors());
        }
        List<Violation> warnings = new ArrayList<>(report.warnings());
        LocationIndex index = new LocationIndex();
        Map<String, org.techroute.data.model.Technician> technicianInputs = new HashMap<>();
        List<org.techroute.data.model.Technician> technicianList = problem.techniciansOrEmpty();
        for (int i = 0; i < technicianList.size(); i++) {
            var technician = technicianList.get(i);
            technicianInputs.put(technician.id(), technician);
            index.add(technician.home(), "$.technicians[" + i + "].home", technician.id());
        }
        List<org.techroute.data.model.Shift> shiftList = problem.shiftsOrEmpty();
        for (int i = 0; i < shiftList.size(); i++) {
            var shift = shiftList.get(i);
            if (shift.startLocation() != null) {
                index.add(shift.startLocation(), "$.shifts[" + i + "].startLocation", shift.id());
            }
            if (shift.endLocation() != null) {
                index.add(shift.endLocation(), "$.shifts[" + i + "].endLocation", shift.id());
            }
        }
        List<org.techroute.data.model.Visit> visitList = problem.visitsOrEmpty();
        for (int i = 0; i < visitList.size(); i++) {
            index.add(visitList.get(i).location(), "$.visits[" + i + "].location", visitList.get(i).id());
        }

        var options = problem.optionsOrDefaults();
        MatrixResult result = matrices.build(options.effectiveTravelMode(), index.locations(), options);
        if (!result.isSuccess()) {
            throw new InvalidProblemException(index.translate(result.errors()));
        }
        TravelTimeMatrix matrix = result.matrix();

        Map<String, Technician> technicians = new LinkedHashMap<>();
        for (var input : technicianList) {
            List<Certification> certifications = input.certificationsOrEmpty().stream()
                    .map(c -> new Certification(c.name(), c.validFrom(), c.validUntil())).toList();
            technicians.put(input.id(), new Technician(input.id(), input.skillsOrEmpty(), certifications));
        }

        PartIndex parts = PartIndex.of(shiftList, visitList);
        Map<String, Shift> shifts = new LinkedHashMap<>();
        Map<String, ZoneOffset> offsets = new HashMap<>();
        for (var input : shiftList) {
            var home = technicianInputs.get(input.technicianId()).home();
            int start = index.indexOf(input.startLocation() != null ? input.startLocation() : home);
            int end = index.indexOf(input.endLocation() != null ? input.endLocation() : home);
            List<ShiftBreak> breaks = input.breaksOrEmpty().stream()
                    .map(b -> new ShiftBreak(millis(b.earliestStart()), millis(b.latestStart()),
                            b.durationSeconds() * 1000))
                    .sorted(Comparator.comparingLong(ShiftBreak::earliestStartMillis)).toList();
            int[] capacity = input.capacityOrEmpty().stream().mapToInt(Integer::intValue).toArray();
            long maxOvertime = input.maxOvertimeSeconds() == null ? 0 : input.maxOvertimeSeconds() * 1000;
            Shift shift = new Shift(input.id(), technicians.get(input.technicianId()),
                    input.start().toLocalDate(), millis(input.start()), millis(input.end()), maxOvertime, start, end,
                    breaks, capacity, matrix, input.start().getOffset());
            if (input.maxTravelSeconds() != null) {
                shift.setMaxTravelMillis(Math.min(input.maxTravelSeconds(), Long.MAX_VALUE / 1000 - 1) * 1000);
            }
            shift.setVanStock(parts.stock(input.vanStockOrEmpty()));
            shifts.put(input.id(), shift);
            offsets.put(input.id(), input.start().getOffset());
        }
        if (problem.now() != null) {
            shifts.values().forEach(shift -> shift.setNotBeforeMillis(millis(problem.now())));
        }

        boolean capacityUsed = shiftList.stream().anyMatch(s -> s.capacity() != null);
        Map<String, Visit> visits = new LinkedHashMap<>();
        for (var input : visitList) {
            int[] demand = capacityUsed ? input.demandOrEmpty().stream().mapToInt(Integer::intValue).toArray()
                    : new int[0];
            visits.put(input.id(), new Visit(input.id(), index.indexOf(input.location()),
                    input.serviceDurationSeconds() * 1000, windows(input.timeWindowsOrEmpty()),
                    input.requiredSkillsOrEmpty(), input.requiredCertificationsOrEmpty(),
                    Priority.valueOf(input.priorityOrDefault().name()), new HashSet<>(input
                            .requiredTechnicianIdsOrEmpty()),
                    new HashSet<>(input.preferredTechnicianIdsOrEmpty()),
                    new HashSet<>(input.excludedTechnicianIdsOrEmpty()), demand));
            parts.setNeeds(visits.get(input.id()), input.partsOrEmpty());
        }
        // a visit without windows is waited for from the day's first shift start, whichever shift serves it
        Long firstShiftStart = shifts.values().stream().map(Shift::getStartMillis).min(Long::compare).orElse(null);
        visits.values().forEach(visit -> visit.setOpeningMillis(firstShiftStart));

        links(visitList, visits);
        placePinned(visitList, shifts, visits);
        for (int i = 0; i < shiftList.size(); i++) {
            BreakState.apply(i, shiftList.get(i), shifts.get(shiftList.get(i).id()),
                    problem.now() == null ? null : millis(problem.now()), warnings);
        }
        placePreviousRoutes(problem, shifts, visits, warnings);
        if (serviceabilityWarnings) {
            warnUnserviceable(visitList, shifts, visits, warnings);
        }

        RoutePlan plan = new RoutePlan(new ArrayList<>(technicians.values()), new ArrayList<>(shifts.values()),
                new ArrayList<>(visits.values()), weightOverrides(options.effectiveConstraintWeights()));
        return new MappedProblem(problem, plan, matrix, index.locations(), result.snapDistanceMeters(), offsets,
                List.copyOf(warnings), index.uses());
    }

    /** Crews (every member knows the others) and dependencies (delays in milliseconds). */
    static void links(List<org.techroute.data.model.Visit> inputs, Map<String, Visit> visits) {
        Map<String, List<Visit>> crews = new LinkedHashMap<>();
        for (var input : inputs) {
            if (input.crewId() != null) {
                crews.computeIfAbsent(input.crewId(), k -> new ArrayList<>()).add(visits.get(input.id()));
            }
        }
        crews.forEach((crewId, members) -> {
            for (Visit member : members) {
                member.setCrew(crewId, members.stream().filter(m -> m != member).toList());
            }
        });
        for (var input : inputs) {
            if (input.afterOrEmpty().isEmpty()) {
                continue;
            }
            List<VisitDependency> dependencies = new ArrayList<>();
            for (var after : input.afterOrEmpty()) {
                dependencies.add(new VisitDependency(visits.get(after.visitId()), after.minDelaySecondsOrZero() * 1000,
                        after.maxDelaySeconds() == null ? Long.MAX_VALUE : after.maxDelaySeconds() * 1000,
                        after.sameTechnicianOrFalse()));
            }
            visits.get(input.id()).setDependencies(dependencies);
        }
    }

    private static void placePinned(List<org.techroute.data.model.Visit> inputs, Map<String, Shift> shifts,
            Map<String, Visit> visits) {
        Map<String, TreeMap<Integer, Visit>> pinned = new HashMap<>();
        for (var input : inputs) {
            if (input.pin() != null) {
                pinned.computeIfAbsent(input.pin().shiftId(), k -> new TreeMap<>())
                        .put(input.pin().position(), visits.get(input.id()));
            }
        }
        for (var input : inputs) {
            if (input.pin() != null && input.pin().start() != null) {
                visits.get(input.id()).setStarted(millis(input.pin().start()),
                        input.pin().end() == null ? null : millis(input.pin().end()));
            }
        }
        pinned.forEach((shiftId, byPosition) -> {
            Shift shift = shifts.get(shiftId);
            shift.getVisits().addAll(byPosition.values());
            shift.setPinnedVisitCount(byPosition.size());
        });
    }

    /** Starts from the routes of a plan that is solved again; pinned visits are already in place. */
    private static void placePreviousRoutes(Problem problem, Map<String, Shift> shifts, Map<String, Visit> visits,
            List<Violation> warnings) {
        if (problem.solution() == null || problem.solution().routes() == null) {
            return;
        }
        Set<String> placed = new HashSet<>();
        shifts.values().forEach(s -> s.getVisits().forEach(v -> placed.add(v.getId())));
        List<Route> routes = problem.solution().routes();
        for (int r = 0; r < routes.size(); r++) {
            Route route = routes.get(r);
            Shift shift = route == null ? null : shifts.get(route.shiftId());
            if (shift == null) {
                warnings.add(new Violation("$.solution.routes[" + r + "]", route == null ? null : route.shiftId(),
                        "the previous route's shift is not in the problem; its visits start unassigned"));
                continue;
            }
            List<String> ids = route.visitIds() == null ? List.of() : route.visitIds();
            for (String id : ids) {
                Visit visit = visits.get(id);
                if (visit == null) {
                    warnings.add(new Violation("$.solution.routes[" + r + "].visitIds", id,
                            "visit '" + id + "' of the previous route is not in the problem; ignored"));
                } else if (placed.add(id)) {
                    shift.getVisits().add(visit);
                }
                if (visit != null) {
                    visit.setPreviousShiftId(shift.getId());
                }
            }
        }
    }

    private static void warnUnserviceable(List<org.techroute.data.model.Visit> inputs, Map<String, Shift> shifts,
            Map<String, Visit> visits, List<Violation> warnings) {
        List<Shift> all = new ArrayList<>(shifts.values());
        for (int i = 0; i < inputs.size(); i++) {
            Visit visit = visits.get(inputs.get(i).id());
            Optional<Blocker> blocker = ServiceabilityCheck.blocker(visit, all);
            if (blocker.isPresent()) {
                warnings.add(new Violation("$.visits[" + i + "]", visit.getId(), "no technician can ever serve this"
                        + " visit (" + blocker.get().code() + "): " + blocker.get().detail()));
                continue;
            }
            Optional<Blocker> linkBlocker = ServiceabilityCheck.linkBlockerBeforeSolving(visit, all);
            if (linkBlocker.isPresent()) {
                warnings.add(new Violation("$.visits[" + i + "]", visit.getId(), "this visit can never be served ("
                        + linkBlocker.get().code() + "): " + linkBlocker.get().detail()));
            }
        }
    }

    private static ConstraintWeightOverrides<HardMediumSoftLongScore> weightOverrides(Map<String, Long> weights) {
        Map<String, HardMediumSoftLongScore> overrides = new HashMap<>();
        weights.forEach((id, weight) -> TechrouteConstraint.byId(id)
                .ifPresent(constraint -> overrides.put(id, constraint.score(weight))));
        return ConstraintWeightOverrides.of(overrides);
    }

    /** Sorted by start; overlapping or touching windows merged. */
    static List<TimeWindow> windows(List<org.techroute.data.model.TimeWindow> inputs) {
        List<TimeWindow> sorted = inputs.stream().map(w -> new TimeWindow(millis(w.start()), millis(w.end())))
                .sorted(Comparator.comparingLong(TimeWindow::startMillis)).toList();
        List<TimeWindow> merged = new ArrayList<>();
        for (TimeWindow window : sorted) {
            if (!merged.isEmpty() && window.startMillis() <= merged.get(merged.size() - 1).endMillis()) {
                TimeWindow last = merged.remove(merged.size() - 1);
                merged.add(new TimeWindow(last.startMillis(), Math.max(last.endMillis(), window.endMillis())));
            } else {
                merged.add(window);
            }
        }
        return merged;
    }

    static long millis(OffsetDateTime time) {
        return time.toInstant().toEpochMilli();
    }

    /** Distinct locations in order of first use, and who uses each (to name them in errors). */
    private static final class LocationIndex {
        private final Map<Location, Integer> indexes = new LinkedHashMap<>();
        private final List<Location> locations = new ArrayList<>();
        private final List<List<Violation>> owners = new ArrayList<>();

        void add(Location location, String path, String entityId) {
            Integer existing = indexes.get(location);
            if (existing == null) {
                existing = locations.size();
                indexes.put(location, existing);
                locations.add(location);
                owners.add(new ArrayList<>());
            }
            owners.get(existing).add(new Violation(path, entityId, null));
        }

        int indexOf(Location location) {
            return indexes.get(location);
        }

        List<Location> locations() {
            return locations;
        }

        List<MappedProblem.LocationUse> uses() {
            List<MappedProblem.LocationUse> uses = new ArrayList<>();
            for (int i = 0; i < owners.size(); i++) {
                for (Violation owner : owners.get(i)) {
                    uses.add(new MappedProblem.LocationUse(owner.path(), owner.entityId(), i));
                }
            }
            return uses;
        }

        List<Violation> translate(List<LocationError> errors) {
            List<Violation> violations = new ArrayList<>();
            for (LocationError error : errors) {
                for (Violation owner : owners.get(error.index())) {
                    violations.add(new Violation(owner.path(), owner.entityId(), error.message()));
                }
            }
            return violations;
        }
    }
}
