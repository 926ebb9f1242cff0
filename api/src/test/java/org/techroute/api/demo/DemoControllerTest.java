package org.techroute.api.demo;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.plans.PlanStatusView;
import org.techroute.api.support.WebSliceConfiguration;

@WebMvcTest(DemoController.class)
@Import(WebSliceConfiguration.class)
class DemoControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanService plans;
    @MockitoBean
    org.techroute.api.road.RoadGraphHolder roads;

    @Test
    void generatesAProblem() throws Exception {
        mvc.perform(post("/api/demo?technicians=3&visits=12&days=1&seed=5&firstDay=2026-11-24&timeLimit=PT5S"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.technicians.length()").value(3))
                .andExpect(jsonPath("$.visits.length()").value(12))
                .andExpect(jsonPath("$.options.travelMode").value("haversine"))
                .andExpect(jsonPath("$.options.timeLimit").value("PT5S"))
                .andExpect(jsonPath("$.shifts[0].start").value("2026-11-24T08:00:00+01:00"));
    }

    @Test
    void outOfBoundsParametersAre400WithViolations() throws Exception {
        mvc.perform(post("/api/demo?technicians=0&visits=100000&timeLimit=forever"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations.length()").value(3))
                .andExpect(jsonPath("$.violations[0].path").value("technicians"));
    }

    @Test
    void submitsWhenAsked() throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-23T10:00:00Z");
        when(plans.submit(any(), isNull(), any())).thenReturn(new PlanService.Submission(new PlanStatusView("p9",
                "Demo", PlanStatus.QUEUED, 1, null, null, null, null, at, at), true));
        mvc.perform(post("/api/demo?submit=true"))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/plans/p9"))
                .andExpect(jsonPath("$.status").value("QUEUED"));
    }

    @Test
    void getIsNotAllowed() throws Exception {
        mvc.perform(get("/api/demo")).andExpect(status().isMethodNotAllowed());
    }

    @Test
    void optionalFeaturesAreOffByDefaultAndAddedWhenAsked() throws Exception {
        mvc.perform(post("/api/demo?technicians=2&visits=4&seed=5&firstDay=2026-11-24"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shifts[0].maxTravelSeconds").doesNotExist());
        mvc.perform(post("/api/demo?technicians=2&visits=4&seed=5&firstDay=2026-11-24&features=travel-limit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shifts[0].maxTravelSeconds").value(3600));
        mvc.perform(post("/api/demo?features=teleport"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("features"));
    }
}
