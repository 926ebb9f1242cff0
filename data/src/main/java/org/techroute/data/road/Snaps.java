package org.techroute.data.road;

import com.graphhopper.storage.index.Snap;

/** Helpers for GraphHopper {@link Snap}s. */
final class Snaps {

    private Snaps() {
    }

    /**
     * A fresh copy: {@code QueryGraph.create} rewrites a snap's closest node to its virtual node, so every
     * QueryGraph needs its own snaps.
     */
    static Snap copy(Snap s) {
        Snap c = new Snap(s.getQueryPoint().lat, s.getQueryPoint().lon);
        c.setClosestNode(s.getClosestNode());
        c.setClosestEdge(s.getClosestEdge());
        c.setQueryDistance(s.getQueryDistance());
        c.setWayIndex(s.getWayIndex());
        c.setSnappedPosition(s.getSnappedPosition());
        c.setSnappedPoint(s.getSnappedPoint());
        return c;
    }
}
