package org.techroute.data.travel;

import org.techroute.data.model.TravelMode;

/** A problem asks for a travel mode this process cannot provide. */
public class UnsupportedTravelModeException extends RuntimeException {

    private final TravelMode mode;

    public UnsupportedTravelModeException(TravelMode mode) {
        super(mode == TravelMode.ROAD
                ? "travel mode 'road' needs a road graph, and none is configured: configure an OpenStreetMap"
                        + " extract (see README), or set options.travelMode to 'haversine' to plan on straight"
                        + " lines"
                : "travel mode '" + mode.jsonName() + "' is not available");
        this.mode = mode;
    }

    /** The road mode cannot be served, for the reason given. */
    public UnsupportedTravelModeException(String message) {
        super(message);
        this.mode = TravelMode.ROAD;
    }

    public TravelMode mode() {
        return mode;
    }
}
