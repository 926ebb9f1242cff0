package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

import org.techroute.solver.domain.Priority;
import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Technician;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.score.TechrouteConstraint;

/**
 * Greedy cheapest insertion of visits into working copies of the routes ({@link InsertionRoute}), as in the
 * recreate step of SISR (Christiaens and Vanden Berghe, "Slack induction by string removals for vehicle routing
 * problems", Transportation Science 54(2), 2020): each visit goes to the position of least extra travel among the
 * routes of its nearest visits, or any route if none of those fits, or an empty shift if no route fits; a position
 * is skipped ("blink") with a small probability. The estimate of a position is O(1) ({@link InsertionRoute}); the
 * chosen one is confirmed by a replay of its route with breaks and every window, or the next cheapest is tried.
 * A visit that fits nowhere stays unassigned.
 * <p>
 * Only technicians who have the skills, certifications and are allowed for a visit are considered. The result is a
 * proposal: the move that carries it is scored by the real constraints.
 */
final class Recreate {

    /** Probability of skipping a position (SISR's blink rate). */
    static final double BLINK_RATE = 0.01;
    /** How many nearest visits' routes are tried first. */
    static final int CANDIDATE_NEIGHBOURS = 30;
    /** How many of the cheapest estimated positions a replay may confirm before the next tier of routes is tried. */
    static final int CONFIRM_CANDIDATES = 4;

    private final RoutePlan plan;
    private final NearbyIndex index;
    private final Map<Shift, Integer> shiftIndex = new IdentityHashMap<>();
    /** The weight of urgent lateness in this problem: what an hour's wait for an emergency costs in travel. */
    private final long urgencyWeight;
    /** The medium weights of a CRITICAL visit's minute of wait beyond its hour, and of a visit left out (per unit). */
    private final long criticalDelayWeight;
    private final long unassignedWeight;
    /** Per visit and shift: 0 not known yet, 1 eligible, 2 not eligible. */
    private final byte[] eligibility;

    Recreate(RoutePlan plan, NearbyIndex index) {
        this.plan = plan;
        this.index = index;
        this.urgencyWeight = softWeight(plan, TechrouteConstraint.HIGH_PRIORITY_LATENESS);
        this.criticalDelayWeight = mediumWeight(plan, TechrouteConstraint.CRITICAL_DELAY);
        this.unassignedWeight = mediumWeight(plan, TechrouteConstraint.UNASSIGNED_VISIT);
        List<Shift> shifts = plan.getShifts();
        for (int s = 0; s < shifts.size(); s++) {
            shiftIndex.put(shifts.get(s), s);
        }
        this.eligibility = new byte[Math.multiplyExact(index.size(), Math.max(1, shifts.size()))];
    }

    private static long softWeight(RoutePlan plan, TechrouteConstraint constraint) {
        HardMediumSoftLongScore weight = plan.getConstraintWeightOverrides().getConstraintWeight(constraint.id());
        return weight != null ? weight.softScore() : constraint.defaultScore().softScore();
    }

    private static long mediumWeight(RoutePlan plan, TechrouteConstraint constraint) {
        HardMediumSoftLongScore weight = plan.getConstraintWeightOverrides().getConstraintWeight(constraint.id());
        return weight != null ? weight.mediumScore() : constraint.defaultScore().mediumScore();
    }

    RoutePlan plan() {
        return plan;
    }

    NearbyIndex index() {
        return index;
    }

    /** Working copies of the routes for one move; routes are copied when first touched. */
    final class Routes {
        private final Map<Shift, InsertionRoute> routes = new IdentityHashMap<>();
        /** Visits whose route differs from the working solution (null: not in any route). */
        private final Map<Visit, InsertionRoute> moved = new IdentityHashMap<>();

        InsertionRoute of(Shift shift) {
            return routes.computeIfAbsent(shift, InsertionRoute::new);
        }

        /** The working route of a visit, null if it is unassigned in this working copy. */
        InsertionRoute routeOf(Visit visit) {
            if (moved.containsKey(visit)) {
                return moved.get(visit);
            }
            return visit.getShift() == null ? null : of(visit.getShift());
        }

        void remove(InsertionRoute route, int from, int to) {
            List<Visit> stretch = route.visits.subList(from, to);
            for (Visit visit : stretch) {
                moved.put(visit, null);
            }
            stretch.clear();
            route.changed = true;
            route.refresh();
        }

        void insert(InsertionRoute route, int position, Visit visit) {
            route.visits.add(position, visit);
            moved.put(visit, route);
            route.changed = true;
            route.refresh();
        }

        /**
         * A move giving every changed route its working list, in the plan's shift order; null if no route
         * changed. What it assigns and unassigns (as in {@link RoutesMove}) follows from what was moved: a visit now
         * in a route that was unassigned, a visit taken out of a route and put nowhere.
         */
        RoutesMove toMove(String type) {
            List<Shift> shifts = new ArrayList<>();
            List<List<Visit>> lists = new ArrayList<>();
            for (Shift shift : plan.getShifts()) {
                InsertionRoute route = routes.get(shift);
                if (route != null && route.changed) {
                    shifts.add(shift);
                    lists.add(route.visits);
                }
            }
            if (shifts.isEmpty()) {
                return null;
            }
            List<Visit> assigned = new ArrayList<>();
            List<Visit> unassigned = new ArrayList<>();
            moved.forEach((visit, route) -> {
                if (route != null && visit.getShift() == null) {
                    assigned.add(visit);
                } else if (route == null && visit.getShift() != null) {
                    unassigned.add(visit);
                }
            });
            return new RoutesMove(type, shifts, lists, assigned, unassigned);
        }

        /** Takes one visit out of its working route. */
        void removeVisit(InsertionRoute route, Visit visit) {
            int at = route.visits.indexOf(visit);
            remove(route, at, at + 1);
        }
    }

    Routes newRoutes() {
        return new Routes();
    }

    /**
     * Inserts the visits in the given order; returns those that fit nowhere. With {@code blinkRandom} (may be null:
     * no blinks), positions are skipped at the blink rate.
     */
    List<Visit> insertAll(Routes routes, List<Visit> visits, Random blinkRandom) {
        List<Visit> left = new ArrayList<>();
        for (Visit visit : visits) {
            if (visit.getPriority() == Priority.CRITICAL && urgencyWeight > 0) {
                // an emergency is worth a look at every route: the technician who can be there first may be far
                // away; what it pushes out and cannot go elsewhere is left too
                left.addAll(insertAnywhere(routes, List.of(visit)));
            } else if (!insert(routes, visit, blinkRandom)) {
                left.add(visit);
            }
        }
        return left;
    }

    /**
     * For visits that {@link #insertAll} could not place: every position of every eligible route whose O(1) estimate
     * allows it, cheapest first, until a replay confirms one. Decides for each visit whether it fits anywhere, at
     * O(positions) estimates plus a replay per candidate that is tried. Returns those that fit nowhere.
     */
    List<Visit> insertAnywhere(Routes routes, List<Visit> visits) {
        return insertAnywhere(routes, visits, null);
    }

    /**
     * {@link #insertAnywhere(Routes, List)}, but never before {@code ahead} in its route (null: anywhere): visits an
     * emergency pushed out must not go back in front of it.
     */
    private List<Visit> insertAnywhere(Routes routes, List<Visit> visits, Visit ahead) {
        List<Visit> left = new ArrayList<>();
        List<long[]> candidates = new ArrayList<>(); // {cost, shift index, position}
        List<Shift> shifts = plan.getShifts();
        InsertionRoute aheadRoute = ahead == null ? null : routes.routeOf(ahead);
        for (Visit visit : visits) {
            positions(routes, visit, false, candidates);
            boolean placed = false;
            for (long[] candidate : candidates) {
                InsertionRoute route = routes.of(shifts.get((int) candidate[1]));
                if (route == aheadRoute && candidate[2] <= route.visits.indexOf(ahead)) {
                    continue;
                }
                if (route.keepsFeasibility(visit, (int) candidate[2])) {
                    List<Visit> ejected = visit.getPriority() == Priority.CRITICAL
                            ? insertSoonerEjecting(routes, visit, criticalDelayMinutes(visit, route,
                                    (int) candidate[2]), new ArrayList<>())
                            : null;
                    if (ejected != null) {
                        left.addAll(insertAnywhere(routes, ejected, visit));
                    } else {
                        routes.insert(route, (int) candidate[2], visit);
                    }
                    placed = true;
                    break;
                }
            }
            if (!placed && visit.getPriority() == Priority.CRITICAL) {
                List<Visit> ejected = insertEjecting(routes, visit, candidates);
                if (ejected != null) {
                    placed = true;
                    left.addAll(insertAnywhere(routes, ejected, visit));
                }
            }
            if (!placed) {
                left.add(visit);
            }
        }
        return left;
    }

    /**
     * Every position of every eligible route with van room for the visit, as {cost, shift index, position}, cheapest
     * first: by {@link InsertionRoute#insertionCost(Visit, int, long)}, or with {@code ownCostOnly} by
     * {@link InsertionRoute#ownCost} (what the insertion does to later visits not judged).
     */
    private void positions(Routes routes, Visit visit, boolean ownCostOnly, List<long[]> out) {
        out.clear();
        List<Shift> shifts = plan.getShifts();
        for (int s = 0; s < shifts.size(); s++) {
            Shift shift = shifts.get(s);
            if (!isEligible(visit, shift)) {
                continue;
            }
            InsertionRoute route = routes.of(shift);
            if (!route.fitsCapacity(visit)) {
                continue;
            }
            for (int position = route.pinnedCount(); position <= route.size(); position++) {
                long cost = ownCostOnly ? route.ownCost(visit, position, urgencyWeight)
                        : route.insertionCost(visit, position, urgencyWeight);
                if (cost != InsertionRoute.INFEASIBLE) {
                    out.add(new long[] { cost, s, position });
                }
            }
        }
        out.sort((a, b) -> Long.compare(a[0], b[0]));
    }

    /** How many visits an emergency may push out of a route; how many of its cheapest positions are tried. */
    static final int MAX_EJECTED = 2;
    static final int EJECTION_POSITIONS = 20;

    /**
     * A CRITICAL visit that fits nowhere goes where it is served soonest and cheapest (detour plus urgency, the visit's
     * own window kept) if taking out at most {@link #MAX_EJECTED} visits of lower priority that come after it
     * (lowest priority first, latest first) makes that route as feasible as it was. Leaving out a CRITICAL visit
     * costs more than any number of others. Returns the visits taken out (for the caller to place elsewhere if
     * they fit), or null when no such position exists.
     */
    private List<Visit> insertEjecting(Routes routes, Visit visit, List<long[]> scratch) {
        return insertEjecting(routes, visit, NOWHERE, scratch);
    }

    /** For {@link #insertEjecting(Routes, Visit, long, List)}: the visit fits nowhere yet. */
    private static final long NOWHERE = -1;

    /**
     * A CRITICAL visit whose feasible position would keep it waiting {@code delayMinutes} beyond its first hour
     * ({@code criticalDelay}) goes instead where it waits less, if taking out at most {@link #MAX_EJECTED} later
     * visits of lower priority makes room and those weigh less, left out, than the wait saved (medium level, as the
     * score weighs both). Returns the visits taken out (possibly none), or null when no such position pays.
     */
    private List<Visit> insertSoonerEjecting(Routes routes, Visit visit, long delayMinutes, List<long[]> scratch) {
        return delayMinutes <= 0 || criticalDelayWeight <= 0 ? null
                : insertEjecting(routes, visit, delayMinutes, scratch);
    }

    /**
     * Inserts the visit at one of its {@link #EJECTION_POSITIONS} cheapest positions (detour plus its own wait) where
     * taking out at most {@link #MAX_EJECTED} later visits of lower priority keeps the route as feasible as it is:
     * the first such position when it fits nowhere yet ({@code delayMinutes} {@link #NOWHERE}), else the first where
     * it waits less than {@code delayMinutes} beyond its hour and the visits taken out weigh less than that saving.
     * Returns the visits taken out, or null when no position qualifies.
     */
    private List<Visit> insertEjecting(Routes routes, Visit visit, long delayMinutes, List<long[]> scratch) {
        List<Shift> shifts = plan.getShifts();
        positions(routes, visit, true, scratch);
        for (int c = 0; c < Math.min(EJECTION_POSITIONS, scratch.size()); c++) {
            InsertionRoute route = routes.of(shifts.get((int) scratch.get(c)[1]));
            int position = (int) scratch.get(c)[2];
            long saved = delayMinutes == NOWHERE ? Long.MAX_VALUE
                    : (delayMinutes - criticalDelayMinutes(visit, route, position)) * criticalDelayWeight;
            if (saved <= 0) {
                continue;
            }
            List<Visit> ejected = route.ejectionFor(visit, position, MAX_EJECTED);
            if (ejected == null) {
                continue;
            }
            long lost = 0;
            for (Visit out : ejected) {
                lost += out.getPriority().unassignedWeight() * unassignedWeight;
            }
            if (delayMinutes == NOWHERE || lost < saved) {
                for (Visit out : ejected) {
                    routes.removeVisit(route, out);
                }
                routes.insert(route, position, visit);
                return ejected;
            }
        }
        return null;
    }

    /** The minutes beyond its first hour a CRITICAL visit would wait at {@code position} (breaks included). */
    private static long criticalDelayMinutes(Visit visit, InsertionRoute route, int position) {
        return visit.criticalDelayMinutesAt(route.replayedStart(visit, position), route.shift);
    }

    /** How many of an urgent visit's cheapest sooner positions {@link #moveSooner} picks from. */
    static final int SOONER_CANDIDATES = 6;

    /**
     * The CRITICAL visits not started: those {@link #moveSooner} moves. Empty when urgent lateness weighs nothing.
     */
    List<Visit> urgentVisits() {
        List<Visit> urgent = new ArrayList<>();
        if (urgencyWeight > 0) {
            for (Visit visit : plan.getVisits()) {
                if (visit.getPriority() == Priority.CRITICAL && !visit.isStarted()) {
                    urgent.add(visit);
                }
            }
        }
        return urgent;
    }

    /**
     * Moves a CRITICAL visit (not pinned) to one of its {@link #SOONER_CANDIDATES} cheapest positions, by detour plus
     * its own wait ({@link InsertionRoute#ownCost}), that cost less than where it is (any, when it is unassigned),
     * on any technician it may go to. Lower-priority visits after it that the route can then no longer serve, at most
     * {@link #MAX_EJECTED}, are taken out and placed elsewhere if they fit. The emergency goes before other work
     * even when that pushes work out: a choice the local search's one-visit moves can hardly reach, since the
     * plan between (emergency in, nothing out) breaks a hard constraint. The move is judged by the real score.
     * Returns false when there is no such position.
     */
    boolean moveSooner(Routes routes, Visit visit, Random random) {
        InsertionRoute from = routes.routeOf(visit);
        long current = Long.MAX_VALUE;
        if (from != null) {
            int at = from.visits.indexOf(visit);
            if (at < from.pinnedCount()) {
                return false;
            }
            routes.removeVisit(from, visit);
            current = from.ownCost(visit, at, urgencyWeight);
        }
        List<long[]> candidates = new ArrayList<>();
        positions(routes, visit, true, candidates);
        int sooner = 0;
        while (sooner < candidates.size() && candidates.get(sooner)[0] < current) {
            sooner++;
        }
        if (sooner == 0) {
            return false;
        }
        int bound = Math.min(sooner, SOONER_CANDIDATES);
        long[] candidate = candidates.get(Math.min(random.nextInt(bound), random.nextInt(bound)));
        InsertionRoute route = routes.of(plan.getShifts().get((int) candidate[1]));
        int position = (int) candidate[2];
        List<Visit> ejected = route.ejectionFor(visit, position, MAX_EJECTED);
        if (ejected == null) {
            return false;
        }
        for (Visit out : ejected) {
            routes.removeVisit(route, out);
        }
        routes.insert(route, position, visit);
        insertAnywhere(routes, ejected, visit);
        return true;
    }

    /** How many of a group member's cheapest positions a random group insertion picks from. */
    static final int GROUP_CHOICES = 3;

    /**
     * Places the visits of a group together (a crew, or a single visit that follows others): each member at its
     * cheapest position whose replay keeps its route as feasible, every member on another technician than the members
     * placed before it and than {@code busyTechnicians} (those of crew members already in routes), and every member
     * after the first preferring positions where its service would start when the first member's does (the estimated
     * gap counts as cost). With {@code random} (may be null), a member takes one of its {@link #GROUP_CHOICES} cheapest
     * positions. Returns false when a member fits nowhere: the working routes are then partly changed, and the caller
     * discards them.
     */
    boolean insertGroup(Routes routes, List<Visit> members, Set<String> busyTechnicians, Random random) {
        Set<String> used = new HashSet<>(busyTechnicians);
        long anchor = Long.MIN_VALUE;
        List<long[]> candidates = new ArrayList<>();
        List<Shift> shifts = plan.getShifts();
        for (Visit member : members) {
            positions(routes, member, false, candidates);
            if (anchor != Long.MIN_VALUE && member.isCrewVisit()) {
                for (long[] candidate : candidates) {
                    InsertionRoute route = routes.of(shifts.get((int) candidate[1]));
                    candidate[0] = saturatedAdd(candidate[0],
                            Math.abs(route.startAt(member, (int) candidate[2]) - anchor));
                }
                candidates.sort((a, b) -> Long.compare(a[0], b[0]));
            }
            int wanted = random == null ? 1 : 1 + random.nextInt(GROUP_CHOICES);
            InsertionRoute chosenRoute = null;
            int chosenPosition = -1;
            int found = 0;
            for (long[] candidate : candidates) {
                InsertionRoute route = routes.of(shifts.get((int) candidate[1]));
                if (member.isCrewVisit() && used.contains(route.shift.getTechnician().getId())) {
                    continue;
                }
                if (route.keepsFeasibility(member, (int) candidate[2])) {
                    chosenRoute = route;
                    chosenPosition = (int) candidate[2];
                    if (++found == wanted) {
                        break;
                    }
                }
            }
            boolean placed = chosenRoute != null;
            if (placed) {
                if (anchor == Long.MIN_VALUE) {
                    anchor = chosenRoute.startAt(member, chosenPosition);
                }
                routes.insert(chosenRoute, chosenPosition, member);
                used.add(chosenRoute.shift.getTechnician().getId());
            }
            if (!placed) {
                return false;
            }
        }
        return true;
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE - 1 : sum;
    }

    private boolean insert(Routes routes, Visit visit, Random random) {
        Best best = new Best();
        List<InsertionRoute> tried = new ArrayList<>();
        int[] nearest = index.nearest(index.indexOf(visit));
        for (int r = 0; r < Math.min(CANDIDATE_NEIGHBOURS, nearest.length); r++) {
            InsertionRoute route = routes.routeOf(index.visit(nearest[r]));
            if (route != null && !containsIdentity(tried, route)) {
                tried.add(route);
                tryRoute(route, visit, random, best);
            }
        }
        int chosen = best.confirmed(visit);
        if (chosen < 0) {
            best = new Best();
            for (Shift shift : plan.getShifts()) {
                InsertionRoute route = routes.routes.get(shift);
                boolean nonEmpty = route != null ? route.size() > 0 : !shift.getVisits().isEmpty();
                if (nonEmpty) {
                    route = routes.of(shift);
                    if (!containsIdentity(tried, route)) {
                        tryRoute(route, visit, random, best);
                    }
                }
            }
            chosen = best.confirmed(visit);
        }
        if (chosen < 0) {
            best = new Best();
            for (Shift shift : plan.getShifts()) {
                InsertionRoute route = routes.routes.get(shift);
                boolean empty = route != null ? route.size() == 0 : shift.getVisits().isEmpty();
                if (empty && isEligible(visit, shift)) {
                    tryRoute(routes.of(shift), visit, null, best);
                }
            }
            chosen = best.confirmed(visit);
        }
        if (chosen < 0) {
            return false;
        }
        routes.insert(best.routes[chosen], best.positions[chosen], visit);
        return true;
    }

    /**
     * The few cheapest positions found so far by the O(1) estimate, cheapest first; the first of them that a replay
     * of its route confirms ({@link InsertionRoute#keepsFeasibility}) is taken.
     */
    private static final class Best {
        final InsertionRoute[] routes = new InsertionRoute[CONFIRM_CANDIDATES];
        final int[] positions = new int[CONFIRM_CANDIDATES];
        final long[] costs = new long[CONFIRM_CANDIDATES];
        int size;

        void offer(InsertionRoute route, int position, long cost) {
            if (size == CONFIRM_CANDIDATES && cost >= costs[size - 1]) {
                return;
            }
            int at = size == CONFIRM_CANDIDATES ? size - 1 : size++;
            while (at > 0 && costs[at - 1] > cost) {
                routes[at] = routes[at - 1];
                positions[at] = positions[at - 1];
                costs[at] = costs[at - 1];
                at--;
            }
            routes[at] = route;
            positions[at] = position;
            costs[at] = cost;
        }

        /** Index of the cheapest confirmed candidate, or -1. */
        int confirmed(Visit visit) {
            for (int i = 0; i < size; i++) {
                if (routes[i].keepsFeasibility(visit, positions[i])) {
                    return i;
                }
            }
            return -1;
        }
    }

    private void tryRoute(InsertionRoute route, Visit visit, Random random, Best best) {
        if (!isEligible(visit, route.shift) || !route.fitsCapacity(visit)) {
            return;
        }
        for (int position = route.pinnedCount(); position <= route.size(); position++) {
            if (random != null && random.nextDouble() < BLINK_RATE) {
                continue;
            }
            long cost = route.insertionCost(visit, position, urgencyWeight);
            if (cost != InsertionRoute.INFEASIBLE) {
                best.offer(route, position, cost);
            }
        }
    }

    private static boolean containsIdentity(List<InsertionRoute> routes, InsertionRoute route) {
        for (InsertionRoute candidate : routes) {
            if (candidate == route) {
                return true;
            }
        }
        return false;
    }

    /** Skills, certifications on the shift's date, required and excluded technicians. */
    boolean isEligible(Visit visit, Shift shift) {
        int key = index.indexOf(visit) * plan.getShifts().size() + shiftIndex.get(shift);
        byte known = eligibility[key];
        if (known == 0) {
            known = computeEligible(visit, shift) ? (byte) 1 : (byte) 2;
            eligibility[key] = known;
        }
        return known == 1;
    }

    private static boolean computeEligible(Visit visit, Shift shift) {
        Technician technician = shift.getTechnician();
        for (Map.Entry<String, Integer> skill : visit.getRequiredSkills().entrySet()) {
            if (technician.skillLevel(skill.getKey()) < skill.getValue()) {
                return false;
            }
        }
        for (String certification : visit.getRequiredCertifications()) {
            if (!shift.certificationValidSomeDay(certification, visit)) {
                return false;
            }
        }
        if (!visit.getRequiredTechnicianIds().isEmpty()
                && !visit.getRequiredTechnicianIds().contains(technician.getId())) {
            return false;
        }
        return !visit.getExcludedTechnicianIds().contains(technician.getId());
    }
}
