package org.techroute.solver.move;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Shift;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * Ruin and recreate with string removals (SISR, Christiaens and Vanden Berghe 2020): around a random seed visit,
 * strings of consecutive visits are removed from a few nearby routes, and the removed visits are inserted again by
 * {@link Recreate}. Unassigned visits near the seed are inserted as well. Pinned visits are never removed.
 */
final class StringRuin {

    /** Average number of visits removed (SISR's c-bar). */
    static final int AVERAGE_REMOVED = 10;
    /** Longest string removed from one route (SISR's L-max). */
    static final int MAX_STRING = 10;

    private final Recreate recreate;
    private final Random random;

    StringRuin(Recreate recreate, Random random) {
        this.recreate = recreate;
        this.random = random;
    }

    /** A ruin-and-recreate move around a random visit, or null if nothing could be removed there. */
    RoutesMove next() {
        NearbyIndex index = recreate.index();
        RoutePlan plan = recreate.plan();
        if (index.size() == 0 || plan.getShifts().isEmpty()) {
            return null;
        }
        int seed = random.nextInt(index.size());
        Recreate.Routes routes = recreate.newRoutes();
        List<Visit> removed = ruin(routes, seed, plan);
        if (removed.isEmpty()) {
            return null;
        }
        sort(removed, plan);
        recreate.insertAll(routes, removed, random);
        return routes.toMove("RuinRecreate");
    }

    private List<Visit> ruin(Recreate.Routes routes, int seed, RoutePlan plan) {
        NearbyIndex index = recreate.index();
        int assignedCount = 0;
        int usedRoutes = 0;
        for (Shift shift : plan.getShifts()) {
            if (!shift.getVisits().isEmpty()) {
                usedRoutes++;
                assignedCount += shift.getVisits().size();
            }
        }
        double averageRoute = usedRoutes == 0 ? 1 : (double) assignedCount / usedRoutes;
        double maxString = Math.min(MAX_STRING, averageRoute);
        double maxStrings = 4.0 * AVERAGE_REMOVED / (1 + maxString) - 1;
        int strings = (int) (random.nextDouble() * maxStrings) + 1;

        List<Visit> removed = new ArrayList<>();
        Map<InsertionRoute, Boolean> ruined = new IdentityHashMap<>();
        int[] nearest = index.nearest(seed);
        int unassignedTaken = 0;
        for (int r = -1; r < nearest.length && ruined.size() < strings; r++) {
            Visit visit = index.visit(r < 0 ? seed : nearest[r]);
            if (removed.contains(visit)) {
                continue;
            }
            InsertionRoute route = routes.routeOf(visit);
            if (route == null) {
                if (visit.getShift() == null && unassignedTaken < AVERAGE_REMOVED) {
                    removed.add(visit); // unassigned near the seed: give it a chance
                    unassignedTaken++;
                }
                continue;
            }
            if (ruined.containsKey(route)) {
                continue;
            }
            int position = route.visits.indexOf(visit);
            int pinned = route.pinnedCount();
            int free = route.size() - pinned;
            if (position < pinned || free < 1) {
                continue;
            }
            int length = 1 + random.nextInt((int) Math.max(1, Math.min(free, maxString)));
            int low = Math.max(pinned, position - length + 1);
            int high = Math.min(position, route.size() - length);
            int start = low + random.nextInt(high - low + 1);
            removed.addAll(route.visits.subList(start, start + length));
            routes.remove(route, start, start + length);
            ruined.put(route, Boolean.TRUE);
        }
        return removed;
    }

    /** SISR's insertion orders: random 4, largest demand 4, farthest from the start 2, closest 1. */
    private void sort(List<Visit> visits, RoutePlan plan) {
        int pick = random.nextInt(11);
        if (pick < 4) {
            java.util.Collections.shuffle(visits, random);
        } else if (pick < 8) {
            visits.sort(Comparator.comparingLong(StringRuin::totalDemand).reversed());
        } else {
            Shift any = plan.getShifts().get(0);
            TravelTimeMatrix matrix = any.getMatrix();
            int depot = any.getStartLocation();
            Comparator<Visit> byDistance = Comparator.comparingLong(v -> matrix.travelMillis(depot, v.getLocation()));
            visits.sort(pick < 10 ? byDistance.reversed() : byDistance);
        }
    }

    private static long totalDemand(Visit visit) {
        long total = 0;
        for (int amount : visit.getDemand()) {
            total += amount;
        }
        return total;
    }
}
