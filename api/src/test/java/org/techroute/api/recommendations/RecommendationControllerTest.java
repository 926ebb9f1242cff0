package org.techroute.api.recommendations;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.errors.ApiException;
import org.techroute.api.support.Problems;
import org.techroute.api.support.WebSliceConfiguration;

@WebMvcTest(RecommendationController.class)
@Import(WebSliceConfiguration.class)
class RecommendationControllerTest {

    static final String VISIT = """
            {"id": "NEW", "location": {"lat": 47.15, "lon": 9.52}, "serviceDurationSeconds": 1800}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    RecommendationService recommendations;

    @Test
    void recommendsPlacements() throws Exception {
        when(recommendations.recommend(eq("p1"), any(), eq(3))).thenReturn(new RecommendationList("p1", "NEW",
                "0hard/0medium/-10soft", List.of(new Recommendation("S1", "T1", 2, "0hard/0medium/-5soft",
                        "0hard/0medium/-15soft", true, List.of(new Recommendation.ConstraintDiff("travelTime",
                                "0hard/0medium/-5soft"))))));
        mvc.perform(post("/api/plans/p1/recommendations?limit=3").contentType(MediaType.APPLICATION_JSON)
                .content(VISIT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recommendations[0].shiftId").value("S1"))
                .andExpect(jsonPath("$.recommendations[0].position").value(2))
                .andExpect(jsonPath("$.recommendations[0].scoreDiff").value("0hard/0medium/-5soft"));
    }

    @Test
    void aMalformedVisitIs400WithItsPath() throws Exception {
        mvc.perform(post("/api/plans/p1/recommendations").contentType(MediaType.APPLICATION_JSON)
                .content("{\"id\": \"NEW\", \"location\": {\"lat\": \"north\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.violations[0].path").value("$.location.lat"))
                .andExpect(jsonPath("$.violations[0].entityId").value("NEW"));
        verifyNoInteractions(recommendations);
    }

    @Test
    void applyingWhileSolvingIs409() throws Exception {
        when(recommendations.apply(eq("p1"), any())).thenThrow(ApiException.conflict("plan 'p1' is being solved"));
        mvc.perform(post("/api/plans/p1/recommendations/apply").contentType(MediaType.APPLICATION_JSON)
                .content("{\"visit\": " + VISIT + ", \"shiftId\": \"S1\", \"position\": 0}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/conflict"));
    }

    @Test
    void applyReturnsTheUpdatedPlan() throws Exception {
        when(recommendations.apply(eq("p1"), any())).thenReturn(Problems.demo(1, 2));
        mvc.perform(post("/api/plans/p1/recommendations/apply").contentType(MediaType.APPLICATION_JSON)
                .content("{\"visit\": " + VISIT + ", \"shiftId\": \"S1\", \"position\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.visits.length()").value(2));
    }

    @Test
    void applyWithoutAPositionIs400() throws Exception {
        mvc.perform(post("/api/plans/p1/recommendations/apply").contentType(MediaType.APPLICATION_JSON)
                .content("{\"visit\": " + VISIT + ", \"shiftId\": \"S1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("$.position"));
    }

    @Test
    void applyWithAnUnknownFieldIs400() throws Exception {
        mvc.perform(post("/api/plans/p1/recommendations/apply").contentType(MediaType.APPLICATION_JSON)
                .content("{\"visit\": " + VISIT + ", \"shiftId\": \"S1\", \"position\": 0, \"when\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("$.when"));
    }

    @Test
    void getIsNotAllowed() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/api/plans/p1/recommendations"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
