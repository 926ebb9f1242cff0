package org.techroute.api.routes;

import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanService;
import org.techroute.api.support.Problems;
import org.techroute.api.support.WebSliceConfiguration;
import org.techroute.data.model.Location;
import org.techroute.data.model.Options;
import org.techroute.data.model.Problem;
import org.techroute.data.model.Route;
import org.techroute.data.model.Shift;
import org.techroute.data.model.Solution;
import org.techroute.data.model.Technician;
import org.techroute.data.model.TravelMode;
import org.techroute.data.model.Visit;

@WebMvcTest(RouteController.class)
@Import({ WebSliceConfiguration.class, StraightLineRouteGeometry.class })
class RouteControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanService plans;

    static Problem solved(TravelMode mode, Location home, Location visit) {
        Problem demo = Problems.demo(1, 1);
        Technician t = new Technician("T1", "Ann", null, null, home, null);
        Shift s = demo.shifts().get(0);
        Shift shift = new Shift("S1", "T1", s.start(), s.end(), null, null, null, null, null);
        Visit v = new Visit("V1", null, visit, 600L, null, null, null, null, null, null, null, null, null);
        Route route = new Route("S1", "T1", List.of("V1"), null, null, null, null, null, null, null, null, null);
        return Problem.of("p", Options.defaults().withTravelMode(mode), List.of(t), List.of(shift), List.of(v))
                .withSolution(Solution.ofRoutes("0hard/0medium/0soft", true, List.of(route))
                        .withUnassignedVisits(List.of()).withConstraints(List.of()));
    }

    @Test
    void drawsStraightLinesAsGeoJsonAndPoints() throws Exception {
        Problem plan = solved(TravelMode.HAVERSINE, Location.ofLatLon(47.1, 9.5), Location.ofLatLon(47.2, 9.55));
        when(plans.stored("p1")).thenReturn(new PlanService.StoredPlan(null, plan));
        mvc.perform(get("/api/plans/p1/routes"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("LineString"))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[1][0]").value(9.55))
                .andExpect(jsonPath("$.features[0].geometry.coordinates[1][1]").value(47.2))
                .andExpect(jsonPath("$.features[0].properties.geometry").value("straight-line"))
                .andExpect(jsonPath("$.routes[0].shiftId").value("S1"))
                .andExpect(jsonPath("$.routes[0].geometry").value("straight-line"))
                .andExpect(jsonPath("$.routes[0].points.length()").value(3))
                .andExpect(jsonPath("$.routes[0].points[1].lat").value(47.2))
                .andExpect(jsonPath("$.routes[0].points[1].lon").value(9.55));
    }

    @Test
    void euclideanPlansHaveNoMapGeometry() throws Exception {
        Problem plan = solved(TravelMode.EUCLIDEAN, Location.ofXy(0, 0), Location.ofXy(10, 10));
        when(plans.stored("p1")).thenReturn(new PlanService.StoredPlan(null, plan));
        mvc.perform(get("/api/plans/p1/routes"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/no-map-geometry"))
                .andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("no map geometry for euclidean plans")));
    }

    @Test
    void unknownPlanIs404() throws Exception {
        when(plans.stored("nope")).thenThrow(ApiException.notFound("plan", "nope"));
        mvc.perform(get("/api/plans/nope/routes")).andExpect(status().isNotFound());
    }
}
