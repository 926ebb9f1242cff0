package org.techroute.api.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.cli.PlanChecker;
import org.techroute.api.support.ApiClient;
import org.techroute.data.json.ProblemJson;

/**
 * Crews and dependencies (issue 16) over HTTP: the small example with a crew (v3 and a second technician's v7 at
 * the same place) and a dependency (v6, anna's, at least 30 minutes after v2, ben's) is solved (step limit) into a
 * feasible plan that the independent checker accepts, the crew on each of its routes; bad links are 422 naming the
 * visit and the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class LinksEndToEndTest {

    static final Path SMALL_PROBLEM = Path.of("../docs/examples/small-problem.json");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-links");
        registry.add("techroute.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port, Duration.ofSeconds(90));
    }

    static ObjectNode visit(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("visits").get(index);
    }

    static ObjectNode withLinks() throws IOException {
        ObjectNode tree = (ObjectNode) ProblemJson.mapper().readTree(SMALL_PROBLEM.toFile());
        // what is asserted holds for the first plan already: the limits are a safety net, not a measure
        ((ObjectNode) tree.get("options")).put("stepLimit", 50).put("timeLimit", "PT10S");
        ObjectNode v7 = visit(tree, 2).deepCopy();
        v7.put("id", "v7").put("priority", "HIGH").remove("demand");
        tree.withArray("visits").add(v7);
        visit(tree, 2).put("crewId", "c1");
        v7.put("crewId", "c1");
        visit(tree, 5).withArray("after").addObject().put("visitId", "v2").put("minDelaySeconds", 1800);
        return tree;
    }

    static JsonNode service(JsonNode plan, String visitId) {
        for (JsonNode route : plan.path("solution").path("routes")) {
            for (JsonNode step : route.path("steps")) {
                if (step.path("type").asText().equals("SERVICE") && step.path("visitId").asText().equals(visitId)) {
                    ((ObjectNode) step).put("technicianId", route.path("technicianId").asText());
                    return step;
                }
            }
        }
        throw new AssertionError(visitId);
    }

    @Test
    void aCrewStartsTogetherAndADependentVisitWaitsAndTheCheckerAgrees() throws Exception {
        HttpResponse<String> submitted = api().post("/api/plans", withLinks().toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = ProblemJson.mapper().readTree(submitted.body()).get("id").asText();
        api().await("/api/plans/" + id + "/status", s -> s.get("status").asText().matches("SOLVED|STOPPED|FAILED"));
        JsonNode plan = api().json("/api/plans/" + id);
        assertThat(plan.path("solution").path("feasible").asBoolean()).as(plan.path("solution").path("score")
                .asText()).isTrue();
        assertThat(plan.path("solution").path("unassignedVisits")).isEmpty();
        assertThat(PlanChecker.check(plan)).isEmpty();
        JsonNode v3 = service(plan, "v3");
        JsonNode v7 = service(plan, "v7");
        assertThat(v3.path("start").asText()).isEqualTo(v7.path("start").asText());
        assertThat(v3.path("crew").path("crewId").asText()).isEqualTo("c1");
        assertThat(v3.path("crew").path("members").get(0).path("visitId").asText()).isEqualTo("v7");
        assertThat(v3.path("crew").path("members").get(0).path("technicianId").asText())
                .isEqualTo(v7.path("technicianId").asText()).isNotEqualTo(v3.path("technicianId").asText());
        assertThat(v7.path("crew").path("members").get(0).path("visitId").asText()).isEqualTo("v3");
        assertThat(OffsetDateTime.parse(service(plan, "v6").path("start").asText())).isAfterOrEqualTo(
                OffsetDateTime.parse(service(plan, "v2").path("end").asText()).plusMinutes(30));
        // the problem keeps its links
        assertThat(plan.path("visits").get(5).path("after").get(0).path("visitId").asText()).isEqualTo("v2");
    }

    @Test
    void aCrewOfOneAndACircleAre422NamingTheVisitAndField() throws Exception {
        ObjectNode problem = withLinks();
        visit(problem, 0).put("crewId", "solo");
        visit(problem, 1).withArray("after").addObject().put("visitId", "v6");
        HttpResponse<String> response = api().post("/api/plans", problem.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode violations = ProblemJson.mapper().readTree(response.body()).path("violations");
        assertThat(violations.get(0).path("path").asText()).isEqualTo("$.visits[0].crewId");
        assertThat(violations.get(0).path("entityId").asText()).isEqualTo("v1");
        assertThat(violations.get(1).path("message").asText()).startsWith("dependencies go round in a circle");
        assertThat(response.body()).doesNotContain("java.").doesNotContain("Exception");
    }
}
