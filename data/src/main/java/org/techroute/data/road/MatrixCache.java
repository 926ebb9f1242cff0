package org.techroute.data.road;

import org.techroute.solver.travel.CompactTravelTimeMatrix;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small least-recently-used cache of road matrices, keyed by profile and the ordered list of snapped points.
 * Bounded by number of matrices and by total number of pairs (8 bytes each), whichever is reached first.
 */
final class MatrixCache {

    record Key(String profileFingerprint, List<LatLon> snappedPoints) {
    }

    private final int maxEntries;
    private final long maxPairs;
    private final LinkedHashMap<Key, CompactTravelTimeMatrix> map = new LinkedHashMap<>(16, 0.75f, true);
    private long pairs;

    MatrixCache(int maxEntries, long maxPairs) {
        this.maxEntries = maxEntries;
        this.maxPairs = maxPairs;
    }

    synchronized CompactTravelTimeMatrix get(Key key) {
        return map.get(key);
    }

    synchronized void put(Key key, CompactTravelTimeMatrix matrix) {
        long size = (long) matrix.size() * matrix.size();
        if (maxEntries <= 0 || size > maxPairs) {
            return;
        }
        CompactTravelTimeMatrix old = map.put(key, matrix);
        if (old != null) {
            pairs -= (long) old.size() * old.size();
        }
        pairs += size;
        Iterator<Map.Entry<Key, CompactTravelTimeMatrix>> it = map.entrySet().iterator();
        while ((map.size() > maxEntries || pairs > maxPairs) && it.hasNext()) {
            Map.Entry<Key, CompactTravelTimeMatrix> eldest = it.next();
            if (eldest.getKey().equals(key)) {
                continue;
            }
            pairs -= (long) eldest.getValue().size() * eldest.getValue().size();
            it.remove();
        }
    }

    synchronized int size() {
        return map.size();
    }
}
