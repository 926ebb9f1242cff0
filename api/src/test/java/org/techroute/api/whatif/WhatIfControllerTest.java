package org.techroute.api.whatif;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

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
    @MockitoBean
    WhatIfRuns whatIfs;

    Problem base;

    @BeforeEach
    void storedPlan() {
        base = Problems.demo(4, 8);
        when(plans.stored("p1")).thenReturn(new PlanService.StoredPlan(null, base));
        when(plans.stored("nope")).thenThrow(ApiException.notFound("plan", "nope"));
    }

    @Test
    void queuesTheVariantsAndAnswersAtOnce() throws Exception {
        WhatIfRuns.WhatIfView queued = new WhatIfRuns.WhatIfView("w1", "p1", false, List.of(
                new WhatIfRuns.VariantView("as planned", "v1", "QUEUED", null, null, null, null),
                new WhatIfRuns.VariantView("one technician fewer", "v2", "QUEUED", null, null, null, null)));
        when(whatIfs.start(eq("p1"), any(), any())).thenReturn(queued);
        mvc.perform(post("/api/plans/p1/what-if").contentType(MediaType.APPLICATION_JSON)
                        .content(TWO_VARIANTS.formatted(base.technicians().get(0).id())))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/plans/p1/what-if/w1"))
                .andExpect(jsonPath("$.done").value(false))
                .andExpect(jsonPath("$.variants[1].planId").value("v2"))
                .andExpect(jsonPath("$.variants[1].status").value("QUEUED"));
        verify(whatIfs).start(eq("p1"), eq(base), argThat(r -> r.variants().size() == 2));
    }

    @Test
    void htmlReportOnRequest() throws Exception {
        when(whatIfs.view("p1", "w1")).thenReturn(new WhatIfRuns.WhatIfView("w1", "p1", true, List.of(
                new WhatIfRuns.VariantView("as planned", "v1", "SOLVED", "0hard/0medium/-5soft", true, null,
                        null))));
        mvc.perform(get("/api/plans/p1/what-if/w1?format=html"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("as planned")));
        mvc.perform(get("/api/plans/p1/what-if/w1?format=pdf"))
                .andExpect(status().isBadRequest());
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
    }
}
