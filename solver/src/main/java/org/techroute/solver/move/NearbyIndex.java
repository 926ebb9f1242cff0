package org.techroute.solver.move;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.techroute.solver.domain.RoutePlan;
import org.techroute.solver.domain.Visit;
import org.techroute.solver.travel.TravelTimeMatrix;

/**
 * For every visit, its {@code k} nearest other visits by travel time (the shorter of the two directions), nearest
 * first; ties broken by the visits' order in the solution so the index is deterministic. Timefold Community has no
 * nearby selection: the nearby moves of this package use this index instead.
 */
public final class NearbyIndex {

    private final RoutePlan plan;
    private final List<Visit> visits;
    private final Map<Visit, Integer> indexOf;
    private final int[][] nearest;

    private NearbyIndex(RoutePlan plan, List<Visit> visits, Map<Visit, Integer> indexOf, int[][] nearest) {
        this.plan = plan;
        this.visits = visits;
        this.indexOf = indexOf;
        this.nearest = nearest;
    }

    public static NearbyIndex build(RoutePlan plan, int k) {
        List<Visit> visits = plan.getVisits();
        int n = visits.size();
        Map<Visit, Integer> indexOf = new IdentityHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            indexOf.put(visits.get(i), i);
        }
        int size = Math.min(k, Math.max(0, n - 1));
        int[][] nearest = new int[n][];
        if (n == 0 || plan.getShifts().isEmpty()) {
            Arrays.fill(nearest, new int[0]);
            return new NearbyIndex(plan, visits, indexOf, nearest);
        }
        TravelTimeMatrix matrix = plan.getShifts().get(0).getMatrix();
        long[] keys = new long[n - 1];
        for (int i = 0; i < n; i++) {
            int from = visits.get(i).getLocation();
            int m = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    int to = visits.get(j).getLocation();
                    long travel = Math.min(matrix.travelMillis(from, to), matrix.travelMillis(to, from));
                    // Travel in the high bits, index in the low 21 bits (problems have at most 10 000 visits).
                    keys[m++] = (Math.min(travel, (1L << 42) - 1) << 21) | j;
                }
            }
            int[] best = new int[size];
            if (size > 0) {
                selectSmallest(keys, size);
                Arrays.sort(keys, 0, size);
                for (int r = 0; r < size; r++) {
                    best[r] = (int) (keys[r] & ((1 << 21) - 1));
                }
            }
            nearest[i] = best;
        }
        return new NearbyIndex(plan, visits, indexOf, nearest);
    }

    /** Partially orders {@code keys} so that its first {@code k} entries are its k smallest (quickselect). */
    private static void selectSmallest(long[] keys, int k) {
        int left = 0;
        int right = keys.length - 1;
        while (left < right) {
            long pivot = keys[(left + right) >>> 1];
            int i = left;
            int j = right;
            while (i <= j) {
                while (keys[i] < pivot) {
                    i++;
                }
                while (keys[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long swap = keys[i];
                    keys[i] = keys[j];
                    keys[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k - 1 <= j) {
                right = j;
            } else if (k - 1 >= i) {
                left = i;
            } else {
                return;
            }
        }
    }

    public boolean isFor(RoutePlan solution) {
        return plan == solution;
    }

    public int size() {
        return visits.size();
    }

    public Visit visit(int index) {
        return visits.get(index);
    }

    public int indexOf(Visit visit) {
        return indexOf.get(visit);
    }

    /** The nearest other visits of the visit at {@code index}, nearest first. */
    public int[] nearest(int index) {
        return nearest[index];
    }
}
