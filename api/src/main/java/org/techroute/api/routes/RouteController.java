package org.techroute.api.routes;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.techroute.api.errors.ErrorResponse;
import org.techroute.api.errors.ApiException;
import org.techroute.api.errors.ErrorTypes;
import org.techroute.api.plans.PlanService;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;

/** {@code /api/plans/{id}/routes}: route lines for maps. */
@RestController
@Tag(name = "routes", description = "Route geometry for maps")
class RouteController {

    private final PlanService plans;
    private final List<RouteGeometryProvider> providers;

    RouteController(PlanService plans, List<RouteGeometryProvider> providers) {
        this.plans = plans;
        this.providers = providers;
    }

    @Operation(summary = "Route lines per shift as GeoJSON, plus the same as {shiftId, points:[{lat, lon}]}",
            description = "Each route says how it is drawn: 'straight-line' (segments between consecutive stops) or"
                    + " 'road'. Only routes with visits are drawn.")
    @ApiResponse(responseCode = "200")
    @ErrorResponse(status = "404", description = "No such plan")
    @ErrorResponse(status = "409", description = "No solution yet")
    @ErrorResponse(status = "422", description = "Euclidean plans have no map geometry (type no-map-geometry)")
    @GetMapping(value = "/api/plans/{id}/routes", produces = MediaType.APPLICATION_JSON_VALUE)
    RouteMap routes(@PathVariable String id) {
        Problem plan = plans.stored(id).document();
        if (plan.optionsOrDefaults().effectiveTravelMode() == TravelMode.EUCLIDEAN) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, ErrorTypes.NO_MAP_GEOMETRY,
                    "No map geometry", "no map geometry for euclidean plans (x/y coordinates are not on a map)");
        }
        if (plan.solution() == null) {
            throw ApiException.conflict("plan '" + id + "' has no solution yet");
        }
        RouteGeometryProvider provider = providers.stream().filter(p -> p.supports(plan)).findFirst()
                .orElseThrow();
        return RouteMap.of(id, provider.routes(plan));
    }
}
