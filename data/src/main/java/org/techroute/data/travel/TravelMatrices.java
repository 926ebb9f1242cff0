package org.techroute.data.travel;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.TravelMode;

/**
 * The matrix sources available to this process, by travel mode. Straight-line modes are always there; the
 * road mode only when a road graph is configured — without one, a problem in road mode gets a clear error,
 * never straight lines in disguise.
 */
public final class TravelMatrices {

    private final Map<TravelMode, MatrixSource> sources = new EnumMap<>(TravelMode.class);
    private final String withoutRoadsReason;

    private TravelMatrices(MatrixSource road, String withoutRoadsReason) {
        this.withoutRoadsReason = withoutRoadsReason;
        sources.put(TravelMode.HAVERSINE, StraightLineMatrices.haversine());
        sources.put(TravelMode.EUCLIDEAN, StraightLineMatrices.euclidean());
        if (road != null) {
            sources.put(TravelMode.ROAD, road);
        }
    }

    /** Straight-line modes only. */
    public static TravelMatrices withoutRoads() {
        return new TravelMatrices(null, null);
    }

    /** Straight-line modes only, for the reason given (said to whoever asks for road travel). */
    public static TravelMatrices withoutRoads(String reason) {
        return new TravelMatrices(null, reason);
    }

    public static TravelMatrices withRoads(MatrixSource road) {
        return new TravelMatrices(road, null);
    }

    /**
     * These sources, with straight-line travel computed pair by pair when asked for
     * ({@link StraightLineMatrices#onDemand}): for a few queries on a large problem, not for solving.
     */
    public TravelMatrices withStraightLinesOnDemand() {
        TravelMatrices copy = new TravelMatrices(sources.get(TravelMode.ROAD), withoutRoadsReason);
        copy.sources.put(TravelMode.HAVERSINE, StraightLineMatrices.onDemand(true));
        copy.sources.put(TravelMode.EUCLIDEAN, StraightLineMatrices.onDemand(false));
        return copy;
    }

    public boolean supports(TravelMode mode) {
        return sources.containsKey(mode);
    }

    /**
     * @throws UnsupportedTravelModeException when the mode has no source here (road without a road graph)
     */
    public MatrixResult build(TravelMode mode, List<Location> locations, Options options) {
        requireSupported(mode);
        return sources.get(mode).build(locations, options);
    }

    /**
     * @throws UnsupportedTravelModeException saying why, when the mode has no source here
     */
    public void requireSupported(TravelMode mode) {
        if (sources.containsKey(mode)) {
            return;
        }
        if (mode == TravelMode.ROAD && withoutRoadsReason != null) {
            throw new UnsupportedTravelModeException("travel mode 'road' needs a road graph, and there is none: "
                    + withoutRoadsReason + "; or set options.travelMode to 'haversine' to plan on straight lines");
        }
        throw new UnsupportedTravelModeException(mode);
    }
}
