package org.techroute.solver.move;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.director.ScoreDirector;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;

/**
 * Takes work out of the routes a re-plan starts with when they break a hard rule: a shift shortened, a visit that
 * ran long, or a technician who, re-planned at "now", is taken to leave for his next visit only then and reaches it
 * after its window has closed. In each route that breaks a time rule or a limit ({@link InsertionRoute#breach}),
 * the visits that have not started and are not pinned are taken out one at a time, the one of lowest priority
 * among those whose removal lessens the breach first (the largest lessening among equals), until the route keeps
 * every rule or no removal helps. Visits linked to others are not taken out alone: then each crew or dependency
 * group ({@link LinkedGroups}) with a member in a route that still breaks a rule is taken out as a whole, with the
 * visits that follow its members, and the route pass runs again. Every step is judged by the real score and kept
 * only if the hard score improves.
 * <p>
 * The visits taken out go back to the insertion, which places them (crews and dependency groups as a whole) only
 * where the routes stay feasible. Without this, the short local search of a re-plan starts from a plan that breaks
 * hard rules by minutes, and escapes it by whatever lowers the hard score: half a crew in routes, or a follow-up on
 * another technician, each a single hard point, weigh as little as a second of lateness.
 */
final class InfeasibleStartRepair {

    private InfeasibleStartRepair() {
    }

    /**
     * Repairs the working solution if its hard score is negative; returns the visits not linked to others that were
     * taken out (linked ones are found unassigned by {@link LinkedGroups}' placement).
     */
    static List<Visit> repair(ScoreDirector<RoutePlan> scoreDirector, Recreate recreate) {
        HardMediumSoftLongScore score = InsertionConstruction.score(scoreDirector);
        if (score.hardScore() >= 0) {
            return List.of();
        }
        List<Visit> takenOut = new ArrayList<>();
        score = takeOutOfRoutes(scoreDirector, recreate, score, takenOut);
        if (score.hardScore() < 0) {
            HardMediumSoftLongScore before = score;
            score = removeBreakingGroups(scoreDirector, recreate, score);
            if (score.hardScore() < 0 && score.hardScore() > before.hardScore()) {
                // a group out of the way, the visits after it may now fit
                takeOutOfRoutes(scoreDirector, recreate, score, takenOut);
            }
        }
        return takenOut;
    }

    /** The route pass: for each route that breaks a rule, its {@link #worstFit} visits out, if that helps. */
    private static HardMediumSoftLongScore takeOutOfRoutes(ScoreDirector<RoutePlan> scoreDirector,
            Recreate recreate, HardMediumSoftLongScore score, List<Visit> takenOut) {
        for (Shift shift : scoreDirector.getWorkingSolution().getShifts()) {
            if (shift.getVisits().isEmpty()) {
                continue;
            }
            Recreate.Routes routes = recreate.newRoutes();
            InsertionRoute route = routes.of(shift);
            List<Visit> out = new ArrayList<>();
            Visit next;
            while ((next = worstFit(route)) != null) {
                routes.removeVisit(route, next);
                out.add(next);
            }
            if (!out.isEmpty()) {
                HardMediumSoftLongScore after = InsertionConstruction.keepIfBetter(scoreDirector,
                        routes.toMove("RepairStart"), score);
                if (after != null) {
                    score = after;
                    takenOut.addAll(out);
                }
            }
        }
        return score;
    }

    /**
     * The visit to take out next: not started, not pinned, not linked, whose removal makes no part of the route's
     * breach worse and some part smaller; the lowest priority first, then the largest lessening of the time breach.
     * Null when the route keeps every rule or no such visit exists. O(route length²).
     */
    private static Visit worstFit(InsertionRoute route) {
        long[] now = route.breach(-1);
        if (isZero(now)) {
            return null;
        }
        Visit best = null;
        long bestWeight = Long.MAX_VALUE;
        long bestTime = Long.MAX_VALUE;
        for (int i = route.pinnedCount(); i < route.size(); i++) {
            Visit visit = route.visits.get(i);
            if (visit.isStarted() || visit.isLinked()) {
                continue;
            }
            long[] without = route.breach(i);
            if (!lessens(without, now)) {
                continue;
            }
            long weight = visit.getPriority().unassignedWeight();
            if (weight < bestWeight || weight == bestWeight && without[0] < bestTime) {
                best = visit;
                bestWeight = weight;
                bestTime = without[0];
            }
        }
        return best;
    }

    /**
     * Each crew or dependency group with a member in a route that breaks a rule, taken out if that helps, together
     * with the visits that follow its members (directly or not): a follow-up left in a route without the visit it
     * follows breaks a rule itself.
     */
    private static HardMediumSoftLongScore removeBreakingGroups(ScoreDirector<RoutePlan> scoreDirector,
            Recreate recreate, HardMediumSoftLongScore score) {
        RoutePlan plan = scoreDirector.getWorkingSolution();
        Map<Visit, List<Visit>> followers = new IdentityHashMap<>();
        for (Visit visit : plan.getVisits()) {
            for (Visit before : visit.getPredecessors()) {
                followers.computeIfAbsent(before, key -> new ArrayList<>()).add(visit);
            }
        }
        for (List<Visit> group : LinkedGroups.of(plan)) {
            if (!inBreakingRoute(group)) {
                continue;
            }
            RoutesMove removal = LinkedRecreateMoveIteratorFactory.removal(recreate, withFollowers(group, followers));
            if (removal != null) {
                HardMediumSoftLongScore after = InsertionConstruction.keepIfBetter(scoreDirector, removal, score);
                if (after != null) {
                    score = after;
                    if (score.hardScore() >= 0) {
                        return score;
                    }
                }
            }
        }
        return score;
    }

    /** The group and every visit that follows one of its members, directly or through others, each once. */
    private static List<Visit> withFollowers(List<Visit> group, Map<Visit, List<Visit>> followers) {
        Set<Visit> all = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Visit> order = new ArrayList<>();
        Deque<Visit> pending = new ArrayDeque<>(group);
        while (!pending.isEmpty()) {
            Visit visit = pending.poll();
            if (all.add(visit)) {
                order.add(visit);
                pending.addAll(followers.getOrDefault(visit, List.of()));
            }
        }
        return order;
    }

    private static boolean inBreakingRoute(List<Visit> group) {
        for (Visit member : group) {
            Shift shift = member.getShift();
            if (shift != null && !member.isStarted() && !isZero(new InsertionRoute(shift).breach(-1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isZero(long[] breach) {
        for (long part : breach) {
            if (part > 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code after} is no worse than {@code before} in every part and better in one. */
    private static boolean lessens(long[] after, long[] before) {
        boolean better = false;
        for (int i = 0; i < after.length; i++) {
            if (after[i] > before[i]) {
                return false;
            }
            better |= after[i] < before[i];
        }
        return better;
    }
}
