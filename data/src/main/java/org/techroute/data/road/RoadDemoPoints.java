package org.techroute.data.road;

import java.util.List;

import org.techroute.data.demo.DemoSpec;
import org.techroute.data.demo.PointSource;
import org.techroute.data.model.Location;

/** Homes and customers for a demo problem at points on the road graph (deterministic for the spec's seed). */
public final class RoadDemoPoints {

    private RoadDemoPoints() {
    }

    public static PointSource of(RoadGraph graph, DemoSpec spec) {
        List<Location> points = new RoadPointSampler(graph, spec.seed())
                .points(spec.technicians() + spec.visits()).stream()
                .map(p -> Location.ofLatLon(Math.round(p.lat() * 1e6) / 1e6, Math.round(p.lon() * 1e6) / 1e6))
                .toList();
        return PointSource.sequence(points);
    }
}
