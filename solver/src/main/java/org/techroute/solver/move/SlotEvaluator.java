package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RouteEnd;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Schedule;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.domain.VisitTiming;
import org.techroute.solver.explain.Blocker;
import org.techroute.solver.explain.ServiceabilityCheck;
import org.techroute.solver.score.TechrouteConstraint;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * Where a new visit would go in a plan as it stands, without changing it: the insertion evaluation of the
 * construction ({@link InsertionRoute}). Every position of every shift that could serve the visit is estimated in
 * O(1) ({@link InsertionRoute#insertionCost}), and the cheapest are confirmed by a replay of their route with every
 * hard rule of time, capacity, parts and driving ({@link InsertionRoute#keepsFeasibility}); of the confirmed ones,
 * the best score difference wins. Used to offer appointment slots: each slot is the visit with that slot as its only
 * time window.
 * <p>
 * The score difference is an estimate, relative to the plan without the visit: the visit's extra travel, the route's
 * extra overtime, its own urgent lateness, a preferred technician missed, over-qualification and a shift's fixed
 * cost, at the problem's weights. What the insertion does to the workload balance and to the lateness of the
 * visits after it is not counted; a re-plan after booking judges the plan exactly.
 */
public final class SlotEvaluator {

    /** How many of the cheapest estimated positions are confirmed by a replay and compared by score. */
    static final int CONFIRMED = 4;
    /** How many estimated positions a replay may reject before the slot is given up as without room. */
    static final int MAX_REPLAYS = 64;

    /**
     * The best place found for the visit.
     *
     * @param extraTravelMillis   how much longer the route drives
     * @param extraOvertimeMillis how much later than before the route ends past the shift end
     */
    public record Offer(Shift shift, int position, long arrivalMillis, long serviceStartMillis,
            long extraTravelMillis, long extraOvertimeMillis, HardMediumSoftLongScore scoreDiff) {
    }

    /** Either an offer, or why there is none: a reason code as for an unassigned visit, and a sentence. */
    public record Result(Offer offer, String reason, String detail) {

        public boolean feasible() {
            return offer != null;
        }
    }

    private final RoutePlan plan;
    private final Map<Shift, InsertionRoute> routes = new IdentityHashMap<>();
    /** Per visit id: which shifts could serve it at all, whatever its window (see {@link #couldServe}). */
    private final Map<String, boolean[]> eligible = new java.util.HashMap<>();
    private final long travelWeight;
    private final long overtimeWeight;
    private final long urgencyWeight;
    private final long preferredWeight;
    private final long overQualifiedWeight;
    private final long fixedCostWeight;

    /** @param plan a plan as it stands: its shifts' routes are the visit lists (no shadow variables needed) */
    public SlotEvaluator(RoutePlan plan) {
        this.plan = plan;
        this.travelWeight = softWeight(plan, TechrouteConstraint.TRAVEL_TIME);
        this.overtimeWeight = softWeight(plan, TechrouteConstraint.OVERTIME);
        this.urgencyWeight = softWeight(plan, TechrouteConstraint.HIGH_PRIORITY_LATENESS);
        this.preferredWeight = softWeight(plan, TechrouteConstraint.PREFERRED_TECHNICIAN);
        this.overQualifiedWeight = softWeight(plan, TechrouteConstraint.OVER_QUALIFIED);
        this.fixedCostWeight = softWeight(plan, TechrouteConstraint.SHIFT_FIXED_COST);
    }

    private static long softWeight(RoutePlan plan, TechrouteConstraint constraint) {
        HardMediumSoftLongScore weight = plan.getConstraintWeightOverrides().getConstraintWeight(constraint.id());
        return weight != null ? weight.softScore() : constraint.defaultScore().softScore();
    }

    /** The best place for {@code visit} (with the slot as its time window), or why it has none. */
    public Result evaluate(Visit visit) {
        List<long[]> candidates = new ArrayList<>(); // {cost, shift index, position}
        List<Shift> shifts = plan.getShifts();
        for (int s = 0; s < shifts.size(); s++) {
            Shift shift = shifts.get(s);
            if (!couldServe(visit, s)) {
                continue;
            }
            InsertionRoute route = routes.computeIfAbsent(shift, InsertionRoute::new);
            if (!route.fitsCapacity(visit)) {
                continue;
            }
            for (int position = route.pinnedCount(); position <= route.size(); position++) {
                long cost = route.insertionCost(visit, position, urgencyWeight);
                if (cost != InsertionRoute.INFEASIBLE) {
                    candidates.add(new long[] { cost, s, position });
                }
            }
        }
        candidates.sort((a, b) -> Long.compare(a[0], b[0]));
        Offer best = null;
        int confirmed = 0;
        for (int c = 0; c < Math.min(MAX_REPLAYS, candidates.size()) && confirmed < CONFIRMED; c++) {
            Shift shift = shifts.get((int) candidates.get(c)[1]);
            int position = (int) candidates.get(c)[2];
            InsertionRoute route = routes.get(shift);
            if (!route.keepsFeasibility(visit, position)) {
                continue;
            }
            confirmed++;
            Offer offer = offer(route, visit, position);
            if (best == null || offer.scoreDiff().compareTo(best.scoreDiff()) > 0) {
                best = offer;
            }
        }
        if (best != null) {
            return new Result(best, null, null);
        }
        Optional<Blocker> blocker = ServiceabilityCheck.blocker(visit, shifts);
        return blocker.map(b -> new Result(null, b.code(), b.detail())).orElseGet(() -> new Result(null, "NO_ROOM",
                "a shift could serve it in this slot, but no route has room for it without breaking a rule"));
    }

    /**
     * Whether the shift could serve the visit in its window: the checks that do not depend on the window (technician,
     * skills, capacity, parts, driving) are made once per visit; per call, only whether the window meets the shift's
     * hours (the insertion test judges whether it can be reached). A visit that
     * needs certifications is checked in full each time (their validity depends on the date of the window).
     */
    private boolean couldServe(Visit visit, int shiftIndex) {
        Shift shift = plan.getShifts().get(shiftIndex);
        if (!visit.getRequiredCertifications().isEmpty()) {
            return ServiceabilityCheck.blocker(visit, shift).isEmpty();
        }
        boolean[] known = eligible.computeIfAbsent(visit.getId(), id -> {
            Visit anyTime = visit.withTimeWindows(List.of());
            boolean[] result = new boolean[plan.getShifts().size()];
            for (int s = 0; s < result.length; s++) {
                result[s] = ServiceabilityCheck.blocker(anyTime, plan.getShifts().get(s)).isEmpty();
            }
            return result;
        });
        if (!known[shiftIndex]) {
            return false;
        }
        if (visit.getTimeWindows().isEmpty()) {
            return true;
        }
        long windowStart = visit.getTimeWindows().get(0).startMillis();
        long windowEnd = visit.getTimeWindows().get(visit.getTimeWindows().size() - 1).endMillis();
        // a window outside the shift's hours; within them, the insertion test judges whether it can be reached
        return windowEnd >= shift.getStartMillis() && windowStart <= shift.getEndMillis() + shift
                .getMaxOvertimeMillis();
    }

    private Offer offer(InsertionRoute route, Visit visit, int position) {
        Shift shift = route.shift;
        List<Visit> visits = route.visits;
        TravelTimeMatrix matrix = shift.getMatrix();
        int from = position == 0 ? shift.getStartLocation() : visits.get(position - 1).getLocation();
        int to = position == visits.size() ? shift.getEndLocation() : visits.get(position).getLocation();
        long extraTravel = matrix.travelMillis(from, visit.getLocation()) + matrix.travelMillis(visit.getLocation(),
                to) - (visits.isEmpty() ? 0 : matrix.travelMillis(from, to));
        long overtimeBefore = visits.isEmpty() ? 0 : overtime(shift, visits, -1, null, null);
        long[] timing = new long[2];
        long overtimeAfter = overtime(shift, visits, position, visit, timing);
        long extraOvertime = Math.max(0, overtimeAfter - overtimeBefore);
        long soft = travelWeight * extraTravel + overtimeWeight * extraOvertime;
        if (visit.getPriority().isHigh()) {
            long opening = visit.urgencyOpeningMillis(shift);
            long delay = Math.max(0, timing[1] - opening);
            soft += urgencyWeight * (visit.getPriority() == Priority.CRITICAL ? delay : delay / 4);
        }
        String technicianId = shift.getTechnician().getId();
        if (!visit.getPreferredTechnicianIds().isEmpty() && !visit.getPreferredTechnicianIds().contains(
                technicianId)) {
            soft += preferredWeight;
        }
        int excess = 0;
        for (Map.Entry<String, Integer> skill : visit.getRequiredSkills().entrySet()) {
            excess += Math.max(0, shift.getTechnician().skillLevel(skill.getKey()) - skill.getValue());
        }
        soft += overQualifiedWeight * excess;
        if (visits.isEmpty()) {
            soft += fixedCostWeight;
        }
        return new Offer(shift, position, timing[0], timing[1], extraTravel, extraOvertime,
                HardMediumSoftLongScore.ofSoft(-soft));
    }

    /**
     * Replays the route ({@code extra} inserted at {@code position} unless negative) with {@link Schedule}; returns
     * the time worked past the shift end and puts the arrival and service start of {@code extra} into
     * {@code timing}.
     */
    private static long overtime(Shift shift, List<Visit> route, int position, Visit extra, long[] timing) {
        int n = route.size() + (position < 0 ? 0 : 1);
        int from = shift.getStartLocation();
        long leave = shift.getStartMillis();
        int breaksDone = 0;
        for (int i = 0; i < n; i++) {
            Visit visit = position < 0 || i < position ? route.get(i) : i == position ? extra : route.get(i - 1);
            int next = i == n - 1 ? shift.getEndLocation()
                    : (position < 0 || i + 1 < position ? route.get(i + 1)
                            : i + 1 == position ? extra : route.get(i)).getLocation();
            VisitTiming at = Schedule.visit(shift, from, leave, breaksDone, visit, next, Schedule.IGNORE);
            if (i == position) {
                timing[0] = at.arrivalMillis();
                timing[1] = at.serviceStartMillis();
            }
            breaksDone = at.breaksDone();
            from = visit.getLocation();
            leave = at.departureMillis();
        }
        RouteEnd end = Schedule.end(shift, from, leave, breaksDone);
        return Math.max(0, end.endMillis() - shift.getEndMillis());
    }
}
