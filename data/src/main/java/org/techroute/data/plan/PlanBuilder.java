package org.techroute.data.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import org.techroute.data.mapping.MappedProblem;
import org.techroute.data.model.ConstraintMatch;
import org.techroute.data.model.ConstraintScore;
import org.techroute.data.model.Kpis;
import org.techroute.data.model.LocationSnap;
import org.techroute.data.model.Priority;
import org.techroute.data.model.Route;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Step;
import org.techroute.data.model.Step.StepType;
import org.techroute.data.model.UnassignedVisit;
import org.techroute.solver.domain.RouteEnd;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Schedule;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.TakenBreak;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitTiming;
import org.techroute.solver.explain.Blocker;
import org.techroute.solver.explain.ServiceabilityCheck;
import org.techroute.solver.justification.ShiftJustification;
import org.techroute.solver.justification.VisitJustification;
import org.techroute.solver.justification.WorkloadJustification;
import org.techroute.solver.score.TechrouteConstraint;

/**
 * Turns a solved planning model back into a plan document: each shift's day replayed step by step with the
 * same {@link Schedule} rules the solver used, KPIs, unassigned visits with reasons, and the score per
 * constraint. Deterministic: the same solution gives the same document.
 */
public final class PlanBuilder {

    /** At most this many matches are listed per constraint (the count is always complete). */
    public static final int MAX_MATCHES_PER_CONSTRAINT = 100;

    private PlanBuilder() {
    }

    public static Solution build(MappedProblem mapped, RoutePlan solved, ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        List<Route> routes = new ArrayList<>();
        Totals totals = new Totals();
        for (Shift shift : solved.getShifts()) {
            routes.add(route(shift, mapped.shiftOffsets().get(shift.getId()), totals));
        }
        List<UnassignedVisit> unassigned = new ArrayList<>();
        Map<Priority, Integer> unassignedByPriority = new EnumMap<>(Priority.class);
        for (Priority priority : Priority.values()) {
            unassignedByPriority.put(priority, 0);
        }
        int assigned = 0;
        for (Visit visit : solved.getVisits()) {
            if (visit.getShift() != null) {
                assigned++;
                continue;
            }
            Priority priority = Priority.valueOf(visit.getPriority().name());
            unassignedByPriority.merge(priority, 1, Integer::sum);
            Blocker blocker = ServiceabilityCheck.blocker(visit, solved.getShifts())
                    .or(() -> ServiceabilityCheck.linkBlocker(visit, solved.getShifts()))
                    .orElse(new Blocker("NO_ROOM", "a shift could serve it, but no route has room for it that is"
                            + " worth more than leaving it out"));
            unassigned.add(new UnassignedVisit(visit.getId(), priority, blocker.code(), blocker.detail()));
        }
        HardMediumSoftLongScore score = solved.getScore();
        Kpis kpis = new Kpis(seconds(totals.travelMillis), meters(totals.travelMeters),
                seconds(totals.serviceMillis), seconds(totals.waitMillis), seconds(totals.breakMillis),
                seconds(totals.overtimeMillis), assigned, unassigned.size(), unassignedByPriority, totals.shiftsUsed,
                solved.getShifts().size());
        return new Solution(score == null ? null : score.toString(), score != null && score.isFeasible(), kpis, routes,
                unassigned, constraints(solved, analysis), mapped.warnings(), snaps(mapped));
    }

    private static final class Totals {
        long travelMillis;
        double travelMeters;
        long serviceMillis;
        long waitMillis;
        long breakMillis;
        long overtimeMillis;
        int shiftsUsed;
    }

    private static Route route(Shift shift, ZoneOffset offset, Totals totals) {
        List<String> visitIds = shift.getVisits().stream().map(Visit::getId).toList();
        if (shift.getVisits().isEmpty()) {
            List<TakenBreak> taken = shift.getTakenBreaks();
            if (taken.isEmpty()) {
                return new Route(shift.getId(), shift.getTechnician().getId(), visitIds, null, null, seconds(0),
                        meters(0), seconds(0), seconds(0), seconds(0), seconds(0), List.of());
            }
            // nothing left to do, but the breaks already taken happened: they stay in the plan (with the waits
            // between them), so that a re-plan never loses a break taken
            RouteSteps steps = new RouteSteps(offset, taken);
            long first = taken.stream().mapToLong(TakenBreak::startMillis).min().orElseThrow();
            long last = taken.stream().mapToLong(TakenBreak::endMillis).max().orElseThrow();
            steps.idle(null, first, last);
            totals.breakMillis += steps.breaks;
            totals.waitMillis += steps.waiting;
            return new Route(shift.getId(), shift.getTechnician().getId(), visitIds, time(first, offset),
                    time(last, offset), seconds(0), meters(0), seconds(0), seconds(steps.waiting),
                    seconds(steps.breaks), seconds(0), steps.steps);
        }
        var matrix = shift.getMatrix();
        RouteSteps steps = new RouteSteps(offset, shift.getTakenBreaks());
        int from = shift.getStartLocation();
        long departure = shift.getStartMillis();
        int breaksDone = 0;
        Long routeStart = null;
        List<Visit> route = shift.getVisits();
        for (int i = 0; i < route.size(); i++) {
            Visit visit = route.get(i);
            List<long[]> planned = new ArrayList<>();
            int next = i == route.size() - 1 ? shift.getEndLocation() : route.get(i + 1).getLocation();
            VisitTiming timing = Schedule.visit(shift, from, departure, breaksDone, visit, next,
                    (index, start, end) -> planned.add(new long[] { start, end }));
            long legMillis = matrix.travelMillis(from, visit.getLocation());
            long[] leg = visit.isStarted() ? steps.legBefore(departure, timing.serviceStartMillis(), legMillis)
                    : new long[] { timing.arrivalMillis() - legMillis, timing.arrivalMillis() };
            if (routeStart == null) {
                long leave = planned.isEmpty() ? leg[0] : Math.min(leg[0], planned.get(0)[0]);
                routeStart = steps.firstDeparture(shift.getStartMillis(), leave);
                departure = routeStart;
            }
            // breaks taken before leaving, then the travel, then breaks taken on arrival
            long cursor = departure;
            int b = 0;
            for (; b < planned.size() && planned.get(b)[1] <= leg[0]; b++) {
                steps.idle(visit.getId(), cursor, planned.get(b)[0]);
                steps.plannedBreak(planned.get(b)[0], planned.get(b)[1]);
                cursor = planned.get(b)[1];
            }
            steps.idle(visit.getId(), cursor, leg[0]);
            steps.travel(visit.getId(), leg[0], leg[1], matrix.distanceMeters(from, visit.getLocation()));
            cursor = leg[1];
            for (; b < planned.size(); b++) {
                steps.idle(visit.getId(), cursor, planned.get(b)[0]);
                steps.plannedBreak(planned.get(b)[0], planned.get(b)[1]);
                cursor = planned.get(b)[1];
            }
            steps.idle(visit.getId(), cursor, timing.serviceStartMillis());
            // a started visit's times are facts: it is never late (the score does not judge it either)
            long late = visit.isStarted() || visit.getTimeWindows().isEmpty() ? 0 : Math.max(0,
                    timing.serviceStartMillis() - visit.getTimeWindows().get(visit.getTimeWindows().size() - 1)
                            .endMillis());
            steps.service(visit.getId(), timing.serviceStartMillis(), timing.departureMillis(), leg[1], late,
                    crew(visit));
            from = visit.getLocation();
            departure = timing.departureMillis();
            breaksDone = timing.breaksDone();
        }
        List<long[]> planned = new ArrayList<>();
        RouteEnd end = Schedule.end(shift, from, departure, breaksDone,
                (index, start, stop) -> planned.add(new long[] { start, stop }));
        long legMillis = matrix.travelMillis(from, shift.getEndLocation());
        long leaveForEnd = end.arrivalMillis() - legMillis;
        long cursor = departure;
        int b = 0;
        for (; b < planned.size() && planned.get(b)[1] <= leaveForEnd; b++) {
            steps.idle(null, cursor, planned.get(b)[0]);
            steps.plannedBreak(planned.get(b)[0], planned.get(b)[1]);
            cursor = planned.get(b)[1];
        }
        steps.idle(null, cursor, leaveForEnd);
        steps.travel(null, leaveForEnd, end.arrivalMillis(), matrix.distanceMeters(from, shift.getEndLocation()));
        cursor = end.arrivalMillis();
        for (; b < planned.size(); b++) {
            steps.idle(null, cursor, planned.get(b)[0]);
            steps.plannedBreak(planned.get(b)[0], planned.get(b)[1]);
            cursor = planned.get(b)[1];
        }
        // a break taken at the end location, once back, ends the day
        steps.idle(null, cursor, end.endMillis());
        long overtime = Math.max(0, end.endMillis() - shift.getEndMillis());
        totals.travelMillis += steps.travel;
        totals.travelMeters += steps.travelMeters;
        totals.serviceMillis += steps.service;
        totals.waitMillis += steps.waiting;
        totals.breakMillis += steps.breaks;
        totals.overtimeMillis += overtime;
        totals.shiftsUsed++;
        return new Route(shift.getId(), shift.getTechnician().getId(), visitIds, time(routeStart, offset),
                time(end.endMillis(), offset), seconds(steps.travel), meters(steps.travelMeters),
                seconds(steps.service), seconds(steps.waiting), seconds(steps.breaks), seconds(overtime),
                steps.steps);
    }

    /**
     * The steps of one route as they are laid out, and their sums: every step lasts exactly from its start to its
     * end, the steps are contiguous, and the route's totals are the sums of its steps. Idle time becomes WAIT
     * steps, or BREAK steps where a taken break (a fact) falls into it.
     */
    private static final class RouteSteps {
        private final ZoneOffset offset;
        private final List<TakenBreak> taken;
        private final boolean[] shown;
        final List<Step> steps = new ArrayList<>();
        long travel;
        double travelMeters;
        long service;
        long waiting;
        long breaks;

        RouteSteps(ZoneOffset offset, List<TakenBreak> taken) {
            this.offset = offset;
            this.taken = taken;
            this.shown = new boolean[taken.size()];
        }

        /**
         * When the route starts, given that the technician leaves for the first visit at {@code leave}: then, or
         * at the start of a taken break before it (not before the shift start).
         */
        long firstDeparture(long shiftStart, long leave) {
            long start = leave;
            for (TakenBreak block : taken) {
                if (block.startMillis() >= shiftStart && block.startMillis() < start) {
                    start = block.startMillis();
                }
            }
            return start;
        }

        /**
         * Where the travel to a started visit lies between the departure from the previous stop and the visit's
         * actual start: as late as it fits outside the taken breaks; from the departure, and shortened, when the
         * visit started earlier than the travel time allows.
         */
        long[] legBefore(long departure, long serviceStart, long legMillis) {
            long end = serviceStart;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (TakenBreak block : taken) {
                    if (block.startMillis() < end && end - legMillis < block.endMillis()) {
                        end = block.startMillis();
                        moved = true;
                    }
                }
            }
            if (end - legMillis < departure) {
                long start = Math.min(departure, serviceStart);
                return new long[] { start, Math.max(start, Math.min(departure + legMillis, serviceStart)) };
            }
            return new long[] { end - legMillis, end };
        }

        /** Fills {@code [from, to)} with the taken breaks that fall into it and WAIT steps between them. */
        void idle(String visitId, long from, long to) {
            long cursor = from;
            for (int i = 0; i < taken.size(); i++) {
                TakenBreak block = taken.get(i);
                long start = Math.max(block.startMillis(), cursor);
                long end = Math.min(block.endMillis(), to);
                if (shown[i] || end <= start) {
                    continue;
                }
                shown[i] = true;
                waitStep(visitId, cursor, start);
                add(StepType.BREAK, null, start, end, null, null, null);
                breaks += end - start;
                cursor = end;
            }
            waitStep(visitId, cursor, to);
        }

        private void waitStep(String visitId, long from, long to) {
            if (to > from) {
                add(StepType.WAIT, visitId, from, to, null, null, null);
                waiting += to - from;
            }
        }

        void travel(String visitId, long from, long to, double meters) {
            add(StepType.TRAVEL, visitId, from, to, null, meters(meters), null);
            travel += to - from;
            travelMeters += meters;
        }

        void plannedBreak(long from, long to) {
            add(StepType.BREAK, null, from, to, null, null, null);
            breaks += to - from;
        }

        void service(String visitId, long from, long to, long arrival, long lateMillis, Step.Crew crew) {
            steps.add(new Step(StepType.SERVICE, visitId, time(from, offset), time(to, offset), seconds(to - from),
                    time(arrival, offset), null, lateMillis > 0 ? seconds(lateMillis) : null, crew));
            service += to - from;
        }

        private void add(StepType type, String visitId, long from, long to, OffsetDateTime arrival,
                BigDecimal meters, BigDecimal late) {
            steps.add(new Step(type, visitId, time(from, offset), time(to, offset), seconds(to - from), arrival,
                    meters, late));
        }
    }

    /** The crew of a crew visit as the plan serves it: its other visits, their technicians and shifts. */
    private static Step.Crew crew(Visit visit) {
        if (!visit.isCrewVisit()) {
            return null;
        }
        List<Step.CrewMember> members = new ArrayList<>();
        for (Visit mate : visit.getCrewMates()) {
            Shift shift = mate.getShift();
            members.add(new Step.CrewMember(mate.getId(), shift == null ? null : shift.getTechnician().getId(),
                    shift == null ? null : shift.getId()));
        }
        members.sort(Comparator.comparing(Step.CrewMember::visitId));
        return new Step.Crew(visit.getCrewId(), members);
    }

    private static List<LocationSnap> snaps(MappedProblem mapped) {
        if (mapped.snapDistanceMeters() == null) {
            return null;
        }
        List<LocationSnap> snaps = new ArrayList<>();
        for (MappedProblem.LocationUse use : mapped.locationUses()) {
            snaps.add(new LocationSnap(use.path(), use.entityId(), meters(mapped.snapDistanceMeters()[use.index()])));
        }
        return snaps;
    }

    private static List<ConstraintScore> constraints(RoutePlan solved,
            ScoreAnalysis<HardMediumSoftLongScore> analysis) {
        List<ConstraintScore> scores = new ArrayList<>();
        for (TechrouteConstraint constraint : TechrouteConstraint.values()) {
            HardMediumSoftLongScore override = solved.getConstraintWeightOverrides() == null ? null
                    : solved.getConstraintWeightOverrides().getConstraintWeight(constraint.id());
            long weight = override == null ? constraint.defaultWeight() : levelValue(constraint, override);
            ConstraintAnalysis<HardMediumSoftLongScore> result = analysis == null ? null
                    : analysis.getConstraintAnalysis(constraint.id());
            String level = constraint.level().name().toLowerCase(java.util.Locale.ROOT);
            if (result == null) {
                scores.add(new ConstraintScore(constraint.id(), level, weight, constraint.unit(),
                        HardMediumSoftLongScore.ZERO.toString(), 0, List.of()));
                continue;
            }
            List<ConstraintMatch> matches = result.matches() == null ? List.of() : result.matches().stream()
                    .map(PlanBuilder::match)
                    .sorted(Comparator.comparing((ConstraintMatch m) -> HardMediumSoftLongScore.parseScore(m.score()))
                            .thenComparing(m -> m.visitId() == null ? "" : m.visitId())
                            .thenComparing(m -> m.shiftId() == null ? "" : m.shiftId()))
                    .limit(MAX_MATCHES_PER_CONSTRAINT).toList();
            scores.add(new ConstraintScore(constraint.id(), level, weight, constraint.unit(),
                    result.score().toString(), result.matchCount(), matches));
        }
        return scores;
    }

    private static long levelValue(TechrouteConstraint constraint, HardMediumSoftLongScore score) {
        return switch (constraint.level()) {
            case HARD -> score.hardScore();
            case MEDIUM -> score.mediumScore();
            case SOFT -> score.softScore();
        };
    }

    private static ConstraintMatch match(MatchAnalysis<HardMediumSoftLongScore> match) {
        ConstraintJustification justification = match.justification();
        String score = match.score().toString();
        if (justification instanceof VisitJustification visit) {
            return new ConstraintMatch(score, visit.visitId(), visit.shiftId(), visit.description());
        }
        if (justification instanceof ShiftJustification shift) {
            return new ConstraintMatch(score, null, shift.shiftId(), shift.description());
        }
        if (justification instanceof WorkloadJustification workload) {
            return new ConstraintMatch(score, null, null, workload.description());
        }
        return new ConstraintMatch(score, null, null, String.valueOf(justification));
    }

    static OffsetDateTime time(long epochMillis, ZoneOffset offset) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), offset);
    }

    static BigDecimal seconds(long millis) {
        BigDecimal value = BigDecimal.valueOf(millis, 3).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }

    static BigDecimal meters(double meters) {
        BigDecimal value = BigDecimal.valueOf(meters).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0, RoundingMode.UNNECESSARY) : value;
    }
}
