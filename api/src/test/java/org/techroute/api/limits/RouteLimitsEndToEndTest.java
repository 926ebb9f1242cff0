package org.techroute.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The route limits of issue 16 over HTTP: a problem whose shifts limit driving, and whose vans carry parts that visits
 * need, is solved (step limit) into a feasible plan that the independent checker accepts; a visit no van has the parts
 * for is unassigned with reason PARTS; bad limits and stock are 422 naming the shift and the field.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 3, unit = TimeUnit.MINUTES) // a safety net; every wait below is bounded on its own
class RouteLimitsEndToEndTest {

    static final Path SMALL_PROBLEM = Path.of("../docs/examples/small-problem.json");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-limits");
        registry.add("techroute.data-dir", dir::toString);
    }

    @LocalServerPort
    int port;

    ApiClient api() {
        return new ApiClient(port, Duration.ofSeconds(90));
    }

    static ObjectNode smallProblem() throws IOException {
        ObjectNode tree = (ObjectNode) ProblemJson.mapper().readTree(SMALL_PROBLEM.toFile());
        // what is asserted holds for the first plan already: the limits are a safety net, not a measure
        ((ObjectNode) tree.get("options")).put("stepLimit", 50).put("timeLimit", "PT10S");
        return tree;
    }

    static ObjectNode shift(ObjectNode tree, int index) {
        return (ObjectNode) tree.withArray("shifts").get(index);
    }

    JsonNode solve(ObjectNode problem) throws Exception {
        HttpResponse<String> submitted = api().post("/api/plans", problem.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = ProblemJson.mapper().readTree(submitted.body()).get("id").asText();
        api().await("/api/plans/" + id + "/status", s -> s.get("status").asText().matches("SOLVED|STOPPED|FAILED"));
        return api().json("/api/plans/" + id);
    }

    static JsonNode route(JsonNode plan, String shiftId) {
        for (JsonNode route : plan.path("solution").path("routes")) {
            if (route.path("shiftId").asText().equals(shiftId)) {
                return route;
            }
        }
        throw new AssertionError(shiftId);
    }

    @Test
    void aDrivingLimitIsKeptAndTheCheckerAgrees() throws Exception {
        // without a limit ben drives 1,695 s (docs/examples/small-plan.json)
        ObjectNode problem = smallProblem();
        shift(problem, 1).put("maxTravelSeconds", 1200);
        JsonNode plan = solve(problem);
        assertThat(plan.path("solution").path("feasible").asBoolean()).as(plan.path("solution").path("score")
                .asText()).isTrue();
        assertThat(route(plan, "ben-mon").path("travelSeconds").asLong()).isLessThanOrEqualTo(1200);
        assertThat(PlanChecker.check(plan)).isEmpty();
    }

    @Test
    void aNegativeDrivingLimitIs422NamingTheShiftAndField() throws Exception {
        ObjectNode problem = smallProblem();
        shift(problem, 0).put("maxTravelSeconds", -60);
        HttpResponse<String> response = api().post("/api/plans", problem.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode error = ProblemJson.mapper().readTree(response.body());
        assertThat(error.path("violations").get(0).path("path").asText()).isEqualTo("$.shifts[0].maxTravelSeconds");
        assertThat(error.path("violations").get(0).path("entityId").asText()).isEqualTo("anna-mon");
    }

    @Test
    void aVisitGoesToTheVanWithItsPartsOrIsUnassignedWithReasonParts() throws Exception {
        ObjectNode problem = smallProblem();
        shift(problem, 0).putObject("vanStock").put("valve", 2);
        shift(problem, 1).putObject("vanStock").put("valve", 1);
        ((ObjectNode) problem.withArray("visits").get(2)).putObject("parts").put("valve", 2); // v3, ben's in the example
        ((ObjectNode) problem.withArray("visits").get(5)).putObject("parts").put("pump", 1); // v6: no van has a pump
        JsonNode plan = solve(problem);
        assertThat(plan.path("solution").path("feasible").asBoolean()).isTrue();
        assertThat(route(plan, "anna-mon").path("visitIds").toString()).contains("\"v3\"");
        JsonNode unassigned = plan.path("solution").path("unassignedVisits");
        assertThat(unassigned).hasSize(1);
        assertThat(unassigned.get(0).path("visitId").asText()).isEqualTo("v6");
        assertThat(unassigned.get(0).path("reason").asText()).isEqualTo("PARTS");
        assertThat(PlanChecker.check(plan)).isEmpty();
    }

    @Test
    void negativeStockIs422NamingTheShiftAndPart() throws Exception {
        ObjectNode problem = smallProblem();
        shift(problem, 1).putObject("vanStock").put("valve", -1);
        HttpResponse<String> response = api().post("/api/plans", problem.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode error = ProblemJson.mapper().readTree(response.body());
        assertThat(error.path("violations").get(0).path("path").asText()).isEqualTo("$.shifts[1].vanStock.valve");
        assertThat(error.path("violations").get(0).path("entityId").asText()).isEqualTo("ben-mon");
    }
}
