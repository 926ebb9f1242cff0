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

    /** Weak: the cache ({@link #of}) holds indexes by their plan, which must stay collectable. */
    private final java.lang.ref.WeakReference<RoutePlan> plan;
    private final List<Visit> visits;
    private final Map<Visit, Integer> indexOf;
    private final int[][] nearest;
    /** Neighbours asked for (rows may be shorter when there are fewer visits). */
    private final int k;
    /** What the index was built from, to tell whether it still fits the plan ({@link #of}). */
    private final Visit[] visitSnapshot;
    private final int[] locations;
    private final TravelTimeMatrix matrix;

    private NearbyIndex(RoutePlan plan, List<Visit> visits, Map<Visit, Integer> indexOf, int[][] nearest, int k) {
        this.plan = new java.lang.ref.WeakReference<>(plan);
        this.visitSnapshot = visits.toArray(Visit[]::new);
        this.visits = Arrays.asList(visitSnapshot);
        this.indexOf = indexOf;
        this.nearest = nearest;
        this.k = k;
        this.locations = locationsOf(this.visits);
        this.matrix = matrixOf(plan);
    }

    /**
     * The index of the plan's visits as they are now, with {@code k} neighbours each: shared by the construction and
     * the move factories of a solve (each phase start asks for it), so the O(n²) scan of the matrix runs once per
     * problem, not once per factory or phase. A request for fewer neighbours than a cached index has is served from
     * it. Two caches: by plan object (the same working solution asks again), and by matrix and visit locations in
     * order ({@link Rows}): Timefold hands each phase a clone of the best solution as its working solution, whose
     * visits are new objects at the same places, so only the visit lookup is rebuilt for it (O(n)). A problem change
     * that adds, removes or moves visits gets a new index.
     */
    public static NearbyIndex of(RoutePlan plan, int k) {
        synchronized (CACHE) {
            NearbyIndex cached = CACHE.get(plan);
            if (cached != null && cached.sameVisits(plan)) {
                if (cached.k >= k) {
                    return cached.k == k ? cached : cached.truncated(k);
                }
            }
        }
        List<Visit> visits = plan.getVisits();
        int[] locations = locationsOf(visits);
        TravelTimeMatrix matrix = matrixOf(plan);
        Rows rows = matrix == null ? null : Rows.find(matrix, locations, k);
        NearbyIndex index;
        if (rows != null) {
            index = new NearbyIndex(plan, visits, indexOf(visits), rows.nearest, rows.k);
        } else {
            index = build(plan, k);
            if (matrix != null) {
                Rows.keep(new Rows(matrix, locations, index.nearest, k));
            }
        }
        synchronized (CACHE) {
            NearbyIndex cached = CACHE.get(plan);
            if (cached == null || !cached.sameVisits(plan) || cached.k < index.k) {
                CACHE.put(plan, index);
            }
        }
        return index.k == k ? index : index.truncated(k);
    }

    /** One index per working solution (weak keys: gone with the solve); identity of the plan object. */
    private static final Map<RoutePlan, NearbyIndex> CACHE = new java.util.WeakHashMap<>();

    /**
     * The neighbour rows of visits at given locations on a matrix, whatever objects the visits are: what the clones
     * of one solve's solution (and the searches of {@code searchThreads}) share. The few most recent are kept; the
     * matrix only weakly.
     */
    private record Rows(java.lang.ref.WeakReference<TravelTimeMatrix> matrix, int[] locations, int[][] nearest, int k) {

        private static final int KEPT = 4;
        private static final java.util.Deque<Rows> RECENT = new java.util.ArrayDeque<>();

        Rows(TravelTimeMatrix matrix, int[] locations, int[][] nearest, int k) {
            this(new java.lang.ref.WeakReference<>(matrix), locations, nearest, k);
        }

        static Rows find(TravelTimeMatrix matrix, int[] locations, int k) {
            synchronized (RECENT) {
                for (Rows rows : RECENT) {
                    if (rows.matrix.get() == matrix && rows.k >= k && Arrays.equals(rows.locations, locations)) {
                        return rows;
                    }
                }
            }
            return null;
        }

        static void keep(Rows rows) {
            synchronized (RECENT) {
                RECENT.removeIf(kept -> kept.matrix.get() == null || (kept.matrix.get() == rows.matrix.get()
                        && kept.k <= rows.k && Arrays.equals(kept.locations, rows.locations)));
                RECENT.addFirst(rows);
                while (RECENT.size() > KEPT) {
                    RECENT.removeLast();
                }
            }
        }
    }

    private static int[] locationsOf(List<Visit> visits) {
        int[] locations = new int[visits.size()];
        for (int i = 0; i < locations.length; i++) {
            locations[i] = visits.get(i).getLocation();
        }
        return locations;
    }

    private static Map<Visit, Integer> indexOf(List<Visit> visits) {
        Map<Visit, Integer> indexOf = new IdentityHashMap<>(visits.size() * 2);
        for (int i = 0; i < visits.size(); i++) {
            indexOf.put(visits.get(i), i);
        }
        return indexOf;
    }

    private boolean sameVisits(RoutePlan current) {
        List<Visit> now = current.getVisits();
        if (now.size() != visitSnapshot.length || matrix != matrixOf(current)) {
            return false;
        }
        for (int i = 0; i < visitSnapshot.length; i++) {
            if (now.get(i) != visitSnapshot[i] || now.get(i).getLocation() != locations[i]) {
                return false;
            }
        }
        return true;
    }

    private NearbyIndex truncated(int k) {
        int[][] fewer = new int[nearest.length][];
        for (int i = 0; i < nearest.length; i++) {
            fewer[i] = nearest[i].length <= k ? nearest[i] : Arrays.copyOf(nearest[i], k);
        }
        return new NearbyIndex(plan.get(), visits, indexOf, fewer, k);
    }

    private static TravelTimeMatrix matrixOf(RoutePlan plan) {
        return plan.getShifts().isEmpty() ? null : plan.getShifts().get(0).getMatrix();
    }

    /** A new index (no cache); {@link #of} is the one to use in a solve. */
    public static NearbyIndex build(RoutePlan plan, int k) {
        List<Visit> visits = plan.getVisits();
        int n = visits.size();
        Map<Visit, Integer> indexOf = indexOf(visits);
        int size = Math.min(k, Math.max(0, n - 1));
        int[][] nearest = new int[n][];
        if (n == 0 || plan.getShifts().isEmpty()) {
            Arrays.fill(nearest, new int[0]);
            return new NearbyIndex(plan, visits, indexOf, nearest, k);
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
        return new NearbyIndex(plan, visits, indexOf, nearest, k);
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
        return plan.get() == solution;
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
