package org.techroute.api.plans;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.techroute.api.errors.ApiException;
import org.techroute.api.support.Problems;
import org.techroute.api.support.WebSliceConfiguration;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;
import org.techroute.data.model.TravelMode;

@WebMvcTest(PlanController.class)
@Import(WebSliceConfiguration.class)
@TestPropertySource(properties = "techroute.api.max-body-bytes=64KB")
class PlanControllerTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T10:00:00Z");

    @Autowired
    MockMvc mvc;
    @MockitoBean
    PlanService plans;
    @MockitoBean
    PlanChanges changes;
    @MockitoBean
    PlanEvents events;
    @MockitoBean
    PlanCommands commands;

    static PlanStatusView view(String id, PlanStatus status) {
        return new PlanStatusView(id, "Test", status, 1, null, null, null, null, AT, AT);
    }

    /** The mocked service validates like the real one (the real planner, no road graph). */
    private void validatingSubmit(PlanService.Submission result) {
        when(plans.submit(any(), any(), any())).thenAnswer(call -> {
            Problems.planner().prepare(call.getArgument(0));
            return result;
        });
    }

    @Test
    void submitIsAcceptedWithLocation() throws Exception {
        validatingSubmit(new PlanService.Submission(view("p1", PlanStatus.QUEUED), true));
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(Problems.demoJson(2, 5)))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/api/plans/p1"))
                .andExpect(jsonPath("$.id").value("p1"))
                .andExpect(jsonPath("$.status").value("QUEUED"))
                .andExpect(jsonPath("$.createdAt").value("2026-11-23T10:00:00Z"));
    }

    @Test
    void idempotentReplayReturnsTheSamePlan() throws Exception {
        String body = Problems.demoJson(2, 5);
        when(plans.submit(any(), eq("key-1"), eq(PlanService.hash(body))))
                .thenReturn(new PlanService.Submission(view("p1", PlanStatus.SOLVING), false));
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "key-1")
                .content(body))
                .andExpect(status().isOk())
                .andExpect(header().string("Location", "/api/plans/p1"))
                .andExpect(jsonPath("$.id").value("p1"));
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() throws Exception {
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\",\n  \"visits\": [}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/malformed-json"))
                .andExpect(jsonPath("$.violations[0].path").value("$"))
                .andExpect(jsonPath("$.violations[0].message").value(containsString("line 2")))
                .andExpect(content().string(not(containsString("com.fasterxml"))))
                .andExpect(content().string(not(containsString("org.techroute"))));
    }

    @Test
    void unknownFieldIs400WithPathAndEntityId() throws Exception {
        String body = "{\"visits\": [{\"id\": \"V1\", \"colour\": \"red\"}]}";
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/malformed-json"))
                .andExpect(jsonPath("$.violations[0].path").value("$.visits[0].colour"))
                .andExpect(jsonPath("$.violations[0].entityId").value("V1"))
                .andExpect(jsonPath("$.violations[0].message").value("unknown field 'colour'"));
    }

    @Test
    void wrongTypeIs400WithoutJavaTypeNames() throws Exception {
        String body = "{\"visits\": [{\"id\": \"V7\", \"serviceDurationSeconds\": \"long\"}]}";
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.violations[0].path").value("$.visits[0].serviceDurationSeconds"))
                .andExpect(jsonPath("$.violations[0].entityId").value("V7"))
                .andExpect(content().string(not(containsString("java.lang"))));
    }

    @Test
    void invalidProblemIs422WithViolations() throws Exception {
        Problem problem = Problems.demo(2, 5);
        var visits = new java.util.ArrayList<>(problem.visits());
        visits.set(1, visits.get(0));
        String body = ProblemJson.write(problem.withResources(problem.technicians(), problem.shifts(), visits)
                .withSolution(null));
        validatingSubmit(new PlanService.Submission(view("never", PlanStatus.QUEUED), true));
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/validation"))
                .andExpect(jsonPath("$.violations[0].path").value("$.visits[1].id"))
                .andExpect(jsonPath("$.violations[0].entityId").value("V001"))
                .andExpect(jsonPath("$.violations[0].message").value("duplicate visit id 'V001'"));
    }

    @Test
    void roadTravelWithoutRoadGraphIs422() throws Exception {
        Problem problem = Problems.demo(2, 5);
        String body = ProblemJson.write(problem.withOptions(problem.options().withTravelMode(TravelMode.ROAD)));
        validatingSubmit(new PlanService.Submission(view("never", PlanStatus.QUEUED), true));
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/unsupported-travel-mode"));
    }

    @Test
    void bodyAboveTheLimitIs413() throws Exception {
        byte[] body = new byte[65 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/too-large"));
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/plans").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/unsupported-media-type"));
    }

    @Test
    void wrongMethodIs405() throws Exception {
        mvc.perform(put("/api/plans").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/method-not-allowed"));
    }

    @Test
    void unacceptableResponseTypeIs406Problem() throws Exception {
        when(plans.status("p1")).thenReturn(view("p1", PlanStatus.SOLVED));
        mvc.perform(get("/api/plans/p1/status").accept(MediaType.APPLICATION_XML))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/not-acceptable"));
    }

    @Test
    void fullQueueIs429WithRetryAfter() throws Exception {
        when(plans.submit(any(), isNull(), any())).thenThrow(ApiException.queueFull(20, 10));
        mvc.perform(post("/api/plans").contentType(MediaType.APPLICATION_JSON).content(Problems.demoJson(2, 5)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "10"))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/queue-full"));
    }

    @Test
    void unknownPlanIs404() throws Exception {
        when(plans.status("nope")).thenThrow(ApiException.notFound("plan", "nope"));
        mvc.perform(get("/api/plans/nope/status"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/not-found"))
                .andExpect(jsonPath("$.detail").value("no plan with id 'nope'"));
    }

    @Test
    void unknownPathIs404Problem() throws Exception {
        mvc.perform(get("/api/no-such-thing"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/not-found"));
    }

    @Test
    void unexpectedErrorsAre500WithoutDetails() throws Exception {
        when(plans.status("boom")).thenThrow(new IllegalStateException("secret internals"));
        mvc.perform(get("/api/plans/boom/status"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/internal"))
                .andExpect(content().string(not(containsString("secret"))))
                .andExpect(content().string(not(containsString("IllegalStateException"))));
    }

    @Test
    void listsPlans() throws Exception {
        when(plans.list(10, 0)).thenReturn(new PlanPage(List.of(new PlanSummary("p1", "Test", PlanStatus.SOLVED, 1,
                "0hard/0medium/-5soft", true, null, AT, AT)), 10, 0, 1));
        mvc.perform(get("/api/plans?limit=10"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].score").value("0hard/0medium/-5soft"))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void badPagingParameterIs400Problem() throws Exception {
        mvc.perform(get("/api/plans?limit=lots"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void returnsThePlanDocumentAsStored() throws Exception {
        when(plans.document("p1")).thenReturn("{\"name\":\"Test\"}");
        mvc.perform(get("/api/plans/p1"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.name").value("Test"));
    }

    @Test
    void stopIsAccepted() throws Exception {
        when(plans.stop("p1")).thenReturn(view("p1", PlanStatus.SOLVING));
        mvc.perform(delete("/api/plans/p1/solving")).andExpect(status().isAccepted());
    }

    @Test
    void deleteIs204() throws Exception {
        mvc.perform(delete("/api/plans/p1")).andExpect(status().isNoContent());
    }

    @Test
    void solvingAgainWhileSolvingIs409() throws Exception {
        when(plans.solveAgain("p1")).thenThrow(ApiException.conflict("plan 'p1' is SOLVING"));
        mvc.perform(post("/api/plans/p1/solve"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://techroute.org/problems/conflict"));
    }
}
