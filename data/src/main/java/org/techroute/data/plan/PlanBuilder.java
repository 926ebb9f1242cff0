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
            Blocker blocker = ServiceabilityCheck.blocker(visit, solved.getShifts()).orElse(new Blocker("NO_ROOM",
                    "a shift could serve it, but no route has room for it that is worth more than leaving it out"));
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
            return new Route(shift.getId(), shift.getTechnician().getId(), visitIds, null, null, seconds(0),
                    meters(0), seconds(0), seconds(0), seconds(0), seconds(0), List.of());
        }
        var matrix = shift.getMatrix();
        List<Step> steps = new ArrayList<>();
        long travel = 0;
        double travelMeters = 0;
        long service = 0;
        long waiting = 0;
        long breaks = 0;
        int from = shift.getStartLocation();
        long departure = shift.getStartMillis();
        int breaksDone = 0;
        List<Visit> route = shift.getVisits();
        for (int i = 0; i < route.size(); i++) {
            Visit visit = route.get(i);
            List<long[]> taken = new ArrayList<>();
            int next = i == route.size() - 1 ? shift.getEndLocation() : route.get(i + 1).getLocation();
            VisitTiming timing = Schedule.visit(shift, from, departure, breaksDone, visit, next,
                    (index, start, end) -> taken.add(new long[] { start, end }));
            long legMillis = matrix.travelMillis(from, visit.getLocation());
            double legMeters = matrix.distanceMeters(from, visit.getLocation());
            steps.add(new Step(StepType.TRAVEL, visit.getId(), time(departure, offset), time(timing.arrivalMillis(),
                    offset), seconds(legMillis), null, meters(legMeters), null));
            travel += legMillis;
            travelMeters += legMeters;
            long cursor = timing.arrivalMillis();
            for (long[] block : taken) {
                waiting += addWait(steps, visit.getId(), cursor, block[0], offset);
                steps.add(new Step(StepType.BREAK, null, time(block[0], offset), time(block[1], offset),
                        seconds(block[1] - block[0]), null, null, null));
                breaks += block[1] - block[0];
                cursor = block[1];
            }
            waiting += addWait(steps, visit.getId(), cursor, timing.serviceStartMillis(), offset);
            long late = visit.getTimeWindows().isEmpty() ? 0 : Math.max(0, timing.serviceStartMillis()
                    - visit.getTimeWindows().get(visit.getTimeWindows().size() - 1).endMillis());
            steps.add(new Step(StepType.SERVICE, visit.getId(), time(timing.serviceStartMillis(), offset),
                    time(timing.departureMillis(), offset), seconds(visit.getServiceDurationMillis()),
                    time(timing.arrivalMillis(), offset), null, late > 0 ? seconds(late) : null));
            service += visit.getServiceDurationMillis();
            from = visit.getLocation();
            departure = timing.departureMillis();
            breaksDone = timing.breaksDone();
        }
        List<long[]> taken = new ArrayList<>();
        RouteEnd end = Schedule.end(shift, from, departure, breaksDone,
                (index, start, stop) -> taken.add(new long[] { start, stop }));
        long legMillis = matrix.travelMillis(from, shift.getEndLocation());
        double legMeters = matrix.distanceMeters(from, shift.getEndLocation());
        steps.add(new Step(StepType.TRAVEL, null, time(departure, offset), time(end.arrivalMillis(), offset),
                seconds(legMillis), null, meters(legMeters), null));
        travel += legMillis;
        travelMeters += legMeters;
        for (long[] block : taken) {
            steps.add(new Step(StepType.BREAK, null, time(block[0], offset), time(block[1], offset),
                    seconds(block[1] - block[0]), null, null, null));
            breaks += block[1] - block[0];
        }
        long overtime = Math.max(0, end.endMillis() - shift.getEndMillis());
        totals.travelMillis += travel;
        totals.travelMeters += travelMeters;
        totals.serviceMillis += service;
        totals.waitMillis += waiting;
        totals.breakMillis += breaks;
        totals.overtimeMillis += overtime;
        totals.shiftsUsed++;
        return new Route(shift.getId(), shift.getTechnician().getId(), visitIds, time(shift.getStartMillis(), offset),
                time(end.endMillis(), offset), seconds(travel), meters(travelMeters), seconds(service),
                seconds(waiting), seconds(breaks), seconds(overtime), steps);
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

    private static long addWait(List<Step> steps, String visitId, long from, long to, ZoneOffset offset) {
        if (to <= from) {
            return 0;
        }
        steps.add(new Step(StepType.WAIT, visitId, time(from, offset), time(to, offset), seconds(to - from), null,
                null, null));
        return to - from;
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
