package org.techroute.api.whatif;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.errors.ApiException;
import org.techroute.api.plans.PlanService;
import org.techroute.api.support.Problems;
import org.techroute.api.support.WebSliceConfiguration;
import org.techroute.data.model.Problem;
import org.techroute.data.solve.Planner;

@WebMvcTest(WhatIfController.class)
@Import({ WebSliceConfiguration.class, WhatIfControllerTest.RealPlanner.class })
class WhatIfControllerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class RealPlanner {
        @Bean
        Planner planner() {
            return Problems.planner();
        }
    }

    static final String TWO_VARIANTS = """
            {"variants": [
              {"name": "as planned", "timeLimit": "PT1S"},
              {"name": "one technician fewer", "removeTechnicianIds": ["%s"], "timeLimit": "PT1S"}
            ]}""";

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanService plans;

    Problem base;

    @BeforeEach
    void storedPlan() {
        base = Problems.demo(4, 8);
        when(plans.stored("p1")).thenReturn(new PlanService.StoredPlan(null, base));
        when(plans.stored("nope")).thenThrow(ApiException.notFound("plan", "nope"));
    }

    @Test
    void solvesEachVariantAndReturnsTheirKpis() throws Exception {
        // a technician no visit names (removing one a visit names makes the variant INVALID)
        String removed = base.technicians().stream().map(t -> t.id())
                .filter(t -> base.visits().stream().noneMatch(v -> names(v.requiredTechnicianIds(), t)
                        || names(v.preferredTechnicianIds(), t) || names(v.excludedTechnicianIds(), t)))
                .findFirst().orElseThrow();
        mvc.perform(post("/api/plans/p1/what-if").contentType(MediaType.APPLICATION_JSON)
                        .content(TWO_VARIANTS.formatted(removed)))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.planId").value("p1"))
                .andExpect(jsonPath("$.variants.length()").value(2))
                .andExpect(jsonPath("$.variants[0].name").value("as planned"))
                .andExpect(jsonPath("$.variants[0].status").value("SOLVED"))
                .andExpect(jsonPath("$.variants[0].score").isString())
                .andExpect(jsonPath("$.variants[0].kpis.visitsAssigned").isNumber())
                .andExpect(jsonPath("$.variants[1].name").value("one technician fewer"))
                .andExpect(jsonPath("$.variants[1].violations").doesNotExist())
                .andExpect(jsonPath("$.variants[1].status").value("SOLVED"))
                .andExpect(jsonPath("$.variants[1].kpis.shiftsTotal").value(base.shifts().size() - 1));
    }

    static boolean names(java.util.List<String> ids, String id) {
        return ids != null && ids.contains(id);
    }

    @Test
    void htmlReportOnRequest() throws Exception {
        mvc.perform(post("/api/plans/p1/what-if?format=html").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variants\": [{\"name\": \"as planned\", \"timeLimit\": \"PT1S\"}]}"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("as planned")));
    }

    @Test
    void invalidVariantsAre400WithViolations() throws Exception {
        mvc.perform(post("/api/plans/p1/what-if").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variants\": [{\"name\": \"a\"}, {\"name\": \"a\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/bad-request"))
                .andExpect(jsonPath("$.violations[0].path").value("$.variants[1].name"));
        mvc.perform(post("/api/plans/p1/what-if").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variants\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("$.variants"));
    }

    @Test
    void unreadableBodiesAreMalformedJson() throws Exception {
        mvc.perform(post("/api/plans/p1/what-if").contentType(MediaType.APPLICATION_JSON).content("{\"variants\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/malformed-json"));
        mvc.perform(post("/api/plans/p1/what-if").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variants\": [{\"name\": \"x\", \"colour\": 1}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/malformed-json"))
                .andExpect(jsonPath("$.detail").value(containsString("colour")));
    }

    @Test
    void unknownPlanIs404() throws Exception {
        mvc.perform(post("/api/plans/nope/what-if").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variants\": [{\"name\": \"a\", \"timeLimit\": \"PT1S\"}]}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/not-found"));
    }

    @Test
    void tooMuchSolvingTimeIs422() throws Exception {
        mvc.perform(post("/api/plans/p1/what-if").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variants\": [{\"name\": \"a\", \"timeLimit\": \"PT2M\"},"
                                + " {\"name\": \"b\", \"timeLimit\": \"PT2M\"}]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.detail").value(containsString("add up to")));
        mvc.perform(post("/api/plans/p1/what-if?format=pdf").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"variants\": [{\"name\": \"a\", \"timeLimit\": \"PT1S\"}]}"))
                .andExpect(status().isBadRequest());
    }
}
