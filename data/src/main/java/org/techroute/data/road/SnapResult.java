package org.techroute.data.road;

import com.graphhopper.storage.index.Snap;

import java.util.List;

/**
 * Snapping outcome for a list of locations, one {@link PointSnap} per location in input order.
 * Failures are data: {@link #problems()} lists each failing index with a reason.
 */
public final class SnapResult {

    private final List<PointSnap> points;
    private final List<Snap> graphSnaps;

    SnapResult(List<PointSnap> points, List<Snap> graphSnaps) {
        this.points = List.copyOf(points);
        this.graphSnaps = graphSnaps;
    }

    /** One entry per input location, same order. */
    public List<PointSnap> points() {
        return points;
    }

    /** The failing locations, in input order (empty when all snapped). */
    public List<PointProblem> problems() {
        return points.stream().filter(p -> !p.ok()).map(PointSnap::problem).toList();
    }

    public boolean allSnapped() {
        return points.stream().allMatch(PointSnap::ok);
    }

    /** The snapped positions in input order; only valid when {@link #allSnapped()}. */
    public List<LatLon> snappedPoints() {
        requireAllSnapped();
        return points.stream().map(PointSnap::snapped).toList();
    }

    void requireAllSnapped() {
        if (!allSnapped()) {
            throw new RoadPointsException(problems());
        }
    }

    /** GraphHopper snaps in input order ({@code null} for failures). Never hand these to a QueryGraph: copy first. */
    List<Snap> graphSnaps() {
        return graphSnaps;
    }
}
