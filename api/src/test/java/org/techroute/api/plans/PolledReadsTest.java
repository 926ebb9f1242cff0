package org.techroute.api.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.techroute.api.config.PolledReads;
import org.techroute.api.errors.ApiException;
import org.techroute.api.support.WebSliceConfiguration;

/**
 * A plan's status is found by the small mapping of polled reads, asked before the mapping of every endpoint, and
 * answers as before: the view, or 404 problem+json. Other requests pass it by.
 */
@WebMvcTest(PlanController.class)
@Import({ WebSliceConfiguration.class, PolledReads.class })
class PolledReadsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    @Qualifier("polledReadMapping")
    RequestMappingHandlerMapping polled;
    @MockitoBean
    PlanService plans;
    @MockitoBean
    PlanChanges changes;
    @MockitoBean
    PlanEvents events;
    @MockitoBean
    PlanCommands commands;

    @Test
    void theStatusIsFoundFirstAndNothingElseIs() throws Exception {
        assertThat(polled.getOrder()).isEqualTo(Ordered.HIGHEST_PRECEDENCE);
        assertThat(polled.getHandlerMethods().values()).extracting(HandlerMethod::getMethod)
                .containsExactly(PlanController.class.getDeclaredMethod("status", String.class));
        assertThat(polled.getHandler(new MockHttpServletRequest("GET", "/api/plans/p1/status"))).isNotNull();
        assertThat(polled.getHandler(new MockHttpServletRequest("GET", "/api/plans/p1"))).isNull();
        assertThat(polled.getHandler(new MockHttpServletRequest("POST", "/api/plans/p1/status"))).isNull();
    }

    @Test
    void theStatusAnswersAsBefore() throws Exception {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-23T10:00:00Z");
        when(plans.status("p1")).thenReturn(new PlanStatusView("p1", "Test", PlanStatus.SOLVING, 2,
                "0hard/-5medium/-7soft", true, null, null, at, at));
        when(plans.status("nope")).thenThrow(ApiException.notFound("plan", "nope"));
        mvc.perform(get("/api/plans/p1/status")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SOLVING")).andExpect(jsonPath("$.run").value(2));
        mvc.perform(get("/api/plans/nope/status")).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }
}
