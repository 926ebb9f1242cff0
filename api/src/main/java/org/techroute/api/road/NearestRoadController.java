package org.techroute.api.road;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.data.model.Violation;
import org.techroute.data.road.LatLon;
import org.techroute.data.road.PointSnap;

/** {@code GET /api/road/nearest}: the nearest point of the road network, for a place clicked off the roads. */
@RestController
@Tag(name = "road", description = "The road graph")
class NearestRoadController {

    /**
     * The nearest road point.
     *
     * @param snapMeters how far it is from the location asked for
     * @param accepted   whether the location asked for is itself near enough to a road for a problem in road mode
     *                   ({@code techroute.road.max-snap-meters}); when not, {@code reason} says why
     */
    record NearestRoad(double lat, double lon, double snapMeters, boolean accepted, String reason) {
    }

    private final RoadGraphHolder roads;

    NearestRoadController(RoadGraphHolder roads) {
        this.roads = roads;
    }

    @Operation(summary = "The nearest point of the road network to a location",
            description = "For a location that a problem in road mode refuses (too far from a road, or on a road"
                    + " cut off from the network): the nearest point of the main road network, however far, and"
                    + " whether the location itself would be accepted.")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "400", description = "lat or lon missing or out of range")
    @ErrorResponse(status = "404", description = "No road near the location (outside the road map)")
    @ErrorResponse(status = "409", description = "No road graph (straight-line modes only), or still loading")
    @GetMapping(value = "/api/road/nearest", produces = MediaType.APPLICATION_JSON_VALUE)
    NearestRoad nearest(@RequestParam double lat, @RequestParam double lon) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw ApiException.badRequest("invalid location", List.of(new Violation(!(lat >= -90 && lat <= 90)
                    ? "lat" : "lon", null, "lat must be within -90..90 and lon within -180..180, got " + lat + ", "
                            + lon)));
        }
        if (roads.source() == null) {
            throw ApiException.conflict("there is no road graph (" + roads.reason() + "): in the straight-line travel"
                    + " modes every location is accepted as it is");
        }
        if (!roads.isLoaded()) {
            throw ApiException.conflict("the road graph is still loading; try again in a moment");
        }
        PointSnap snap = roads.source().graph().nearestRoad(new LatLon(lat, lon))
                .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND,
                        org.techroute.api.errors.ErrorTypes.NOT_FOUND, "Not found", "no road found near " + lat + ", "
                                + lon + " (outside the road map?)"));
        return new NearestRoad(snap.snapped().lat(), snap.snapped().lon(), Math.round(snap.snapMeters() * 10) / 10.0,
                snap.ok(), snap.ok() ? null : snap.problem().message());
    }
}
