package org.techroute.api.exports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanRecord;
import org.techroute.api.plans.PlanService;
import org.techroute.api.plans.PlanStatus;
import org.techroute.api.routes.StraightLineRouteGeometry;
import org.techroute.api.support.WebSliceConfiguration;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/** The exports of the documented small plan (docs/examples/small-plan.json) over HTTP. */
@WebMvcTest(ExportController.class)
@Import({ WebSliceConfiguration.class, StraightLineRouteGeometry.class })
class ExportControllerTest {

    static final Path SMALL_PLAN = Path.of("../docs/examples/small-plan.json");
    static final OffsetDateTime SAVED = OffsetDateTime.parse("2026-11-22T18:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanService plans;

    static PlanService.StoredPlan stored(Problem plan) {
        PlanRecord record = new PlanRecord("p1", plan.name(), PlanStatus.SOLVED, null, 1, null, null, null, null, null,
                null, SAVED, SAVED, null, null);
        return new PlanService.StoredPlan(record, plan);
    }

    static Problem smallPlan() throws Exception {
        return ProblemJson.read(SMALL_PLAN);
    }

    @BeforeEach
    void plan() throws Exception {
        when(plans.stored("p1")).thenReturn(stored(smallPlan()));
        when(plans.stored("nope")).thenThrow(ApiException.notFound("plan", "nope"));
        Problem unsolved = smallPlan().withSolution(null);
        when(plans.stored("new")).thenReturn(stored(unsolved));
    }

    @Test
    void theWholePlansSheetHasAPagePerShift() throws Exception {
        String html = mvc.perform(get("/api/plans/p1/sheet"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.split("<section class=\"sheet\"", -1)).hasSize(3);
        assertThat(html).contains("Anna Beck", "Ben Frick", "Hotel Löwen", "geo:47.139,9.523");

        String otherDay = mvc.perform(get("/api/plans/p1/sheet?date=2026-11-24")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(otherDay).doesNotContain("<section").contains("No shifts to show.");
        mvc.perform(get("/api/plans/p1/sheet?date=monday")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("date"));
    }

    @Test
    void oneShiftsSheet() throws Exception {
        String html = mvc.perform(get("/api/plans/p1/routes/ben-mon/sheet")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.split("<section class=\"sheet\"", -1)).hasSize(2);
        assertThat(html).contains("Ben Frick").doesNotContain("Anna Beck");
        mvc.perform(get("/api/plans/p1/routes/zed-mon/sheet")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("no shift with id 'zed-mon'"));
    }

    @Test
    void oneTechniciansSheets() throws Exception {
        String html = mvc.perform(get("/api/plans/p1/technicians/anna/sheet")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html.split("<section class=\"sheet\"", -1)).hasSize(2);
        assertThat(html).contains("Anna Beck").doesNotContain("Ben Frick");
        mvc.perform(get("/api/plans/p1/technicians/zed/sheet")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no technician with id 'zed'"));
    }

    @Test
    void theCalendarFeed() throws Exception {
        String ics = mvc.perform(get("/api/plans/p1/technicians/anna/calendar.ics")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/calendar"))
                .andExpect(header().string("Content-Disposition", containsString("anna.ics")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:visit-v1.plan-p1@techroute\r\n",
                "DTSTAMP:20261122T180000Z\r\n");
        mvc.perform(get("/api/plans/p1/technicians/zed/calendar.ics")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.detail").value("no technician with id 'zed'"));
    }

    @Test
    void csvAndGeoJson() throws Exception {
        mvc.perform(get("/api/plans/p1/steps.csv")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(content().string(containsString("shift_id,technician_id,technician_name,step,type")));
        mvc.perform(get("/api/plans/new/visits.csv")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\r\nv1,Hotel Löwen,,47.139,9.523,")));
        mvc.perform(get("/api/plans/p1/routes.geojson")).andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("application/geo+json"))
                .andExpect(jsonPath("$.type").value("FeatureCollection"))
                .andExpect(jsonPath("$.features[0].geometry.type").value("LineString"))
                .andExpect(jsonPath("$.features[0].properties.geometry").value("straight-line"));
    }

    @Test
    void unsolvedAndUnknownPlans() throws Exception {
        for (String path : new String[] { "/api/plans/new/sheet", "/api/plans/new/routes/anna-mon/sheet",
                "/api/plans/new/technicians/anna/calendar.ics", "/api/plans/new/steps.csv",
                "/api/plans/new/routes.geojson" }) {
            mvc.perform(get(path)).andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.detail").value("plan 'new' has no solution yet"));
        }
        mvc.perform(get("/api/plans/nope/sheet")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/not-found"));
    }
}
