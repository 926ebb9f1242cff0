package org.techroute.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.support.ApiClient;
import org.techroute.api.support.RawHttp;

/**
 * The input holes of issue 15, each answered with a problem document naming what is wrong: lengths the
 * database limits, an unbounded time limit, odd paths and oversized headers, mixed coordinates, unknown fields,
 * parser jargon, TRACE, paging, paths of added visits, what-if references and implausibly far locations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InputHolesTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("techroute-holes");
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("techroute.data-dir", DATA_DIR::toString);
    }

    @LocalServerPort
    int port;

    final ObjectMapper json = new ObjectMapper();
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port, Duration.ofSeconds(60));
    }

    /** The bundled example, solved for a few steps only. */
    ObjectNode example() throws IOException {
        ObjectNode problem = (ObjectNode) json.readTree(Path.of("../docs/examples/small-problem.json").toFile());
        ((ObjectNode) problem.get("options")).put("stepLimit", 50);
        return problem;
    }

    JsonNode problemOf(HttpResponse<String> response) throws IOException {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("jackson");
        return json.readTree(response.body());
    }

    String solvedPlan() throws Exception {
        HttpResponse<String> submitted = api.post("/api/plans", example().toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json.readTree(submitted.body()).path("id").asText();
        api.await("/api/plans/" + id + "/status", s -> s.path("status").asText().matches("SOLVED|STOPPED"));
        return id;
    }

    @Test
    void aNameLongerThanItsColumnIs422NamingTheName() throws Exception {
        ObjectNode problem = example();
        problem.put("name", "x".repeat(501));
        HttpResponse<String> response = api.post("/api/plans", problem.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode body = problemOf(response);
        assertThat(body.path("violations").get(0).path("path").asText()).isEqualTo("$.name");
        assertThat(body.path("violations").get(0).path("message").asText()).contains("500");
    }

    @Test
    void aTimeLimitBeyondTheServicesBoundIs422SayingTheBound() throws Exception {
        ObjectNode problem = example();
        ((ObjectNode) problem.get("options")).put("timeLimit", "P3650D");
        HttpResponse<String> response = api.post("/api/plans", problem.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode violation = problemOf(response).path("violations").get(0);
        assertThat(violation.path("path").asText()).isEqualTo("$.options.timeLimit");
        assertThat(violation.path("message").asText()).contains("PT30M");
    }

    @Test
    void moreSearchThreadsThanTheServiceHasSlotsIs422NamingTheField() throws Exception {
        ObjectNode problem = example();
        ((ObjectNode) problem.get("options")).put("searchThreads", 2); // the test service has one solver slot
        HttpResponse<String> response = api.post("/api/plans", problem.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode violation = problemOf(response).path("violations").get(0);
        assertThat(violation.path("path").asText()).isEqualTo("$.options.searchThreads");
        assertThat(violation.path("message").asText()).contains("ask for 1 or less");
    }

    @Test
    void aLocationWithBothLatLonAndXyIsRefused() throws Exception {
        ObjectNode problem = example();
        ((ObjectNode) problem.get("visits").get(0).get("location")).put("x", 1.0);
        HttpResponse<String> response = api.post("/api/plans", problem.toString());
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode violation = problemOf(response).path("violations").get(0);
        assertThat(violation.path("path").asText()).isEqualTo("$.visits[0].location");
        assertThat(violation.path("entityId").asText()).isEqualTo("v1");
    }

    @Test
    void notANumberIsExplainedWithoutTheParsersFeatureNames() throws Exception {
        HttpResponse<String> response = api.post("/api/plans",
                "{\"visits\": [{\"id\": \"a\", \"location\": {\"lat\": NaN, \"lon\": 1}}]}");
        assertThat(response.statusCode()).isEqualTo(400);
        String detail = problemOf(response).path("detail").asText();
        assertThat(detail).contains("'NaN' is not a number in JSON").doesNotContain("JsonReadFeature")
                .doesNotContain("`");
    }

    @Test
    void traceIs405WithAProblemDocumentAndIsNotEchoed() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "TRACE", "/api/plans", Map.of("X-Secret", "echo-me"));
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":405").doesNotContain("echo-me");
    }

    @Test
    void aNegativeOffsetIsReportedUnderOffset() throws Exception {
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/plans?offset=-5")).GET()
                .build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemOf(response).path("violations").get(0).path("path").asText()).isEqualTo("offset");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/plans/a%2Fb", "/api/plans/a\\b", "/api/plans/a%00b", "/api/plans/a%FFb",
            "/api/plans/a%b", "/api/plans/../../etc/passwd", "/api/plans/%2e%2e/x", "/api/..;/plans",
            "/api/plans/..%2F..%2Fx", "/api/plans/%5c..%5cx", "/api/plans/LONG" })
    void oddPathsGetProblemDocuments(String path) throws Exception {
        String target = path.replace("LONG", "a".repeat(20_000));
        RawHttp.Response response = RawHttp.send(port, "GET", target, Map.of());
        assertThat(response.status()).as(path).isBetween(400, 499);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).path("status").asInt()).isEqualTo(response.status());
    }

    @Test
    void anOversizedHeaderGetsAProblemDocument() throws Exception {
        RawHttp.Response response = RawHttp.send(port, "GET", "/api/plans", Map.of("X-Big", "b".repeat(20_000)));
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void nightlyRefusesAnUnknownField() throws Exception {
        String id = solvedPlan();
        HttpResponse<String> response = api.send(HttpRequest.newBuilder(api.uri("/api/plans/" + id + "/nightly"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\": true, \"enabeld\": false}")).build());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(problemOf(response).path("violations").get(0).path("path").asText()).isEqualTo("$.enabeld");
        assertThat(api.json("/api/plans/" + id + "/nightly").path("enabled").asBoolean()).isFalse();
    }

    @Test
    void changesNameTheirOwnPaths() throws Exception {
        String id = solvedPlan();
        HttpResponse<String> added = api.post("/api/plans/" + id + "/changes", """
                {"changes": [{"type": "ADD_VISIT", "visit": {"id": "new-1", "location": {"lat": 95, "lon": 9.5},
                 "serviceDurationSeconds": 600}}]}""");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(422);
        JsonNode violation = problemOf(added).path("violations").get(0);
        assertThat(violation.path("path").asText()).isEqualTo("$.changes[0].visit.location.lat");
        assertThat(violation.path("entityId").asText()).isEqualTo("new-1");

        HttpResponse<String> cancel = api.post("/api/plans/" + id + "/changes",
                "{\"changes\": [{\"type\": \"CANCEL_VISIT\"}]}");
        assertThat(cancel.statusCode()).isEqualTo(422);
        JsonNode missing = problemOf(cancel).path("violations").get(0);
        assertThat(missing.path("path").asText()).isEqualTo("$.changes[0].visitId");
        assertThat(missing.path("message").asText()).doesNotContain("null");
    }

    @Test
    void whatIfRefusesRemovingATechnicianThePlanDoesNotHave() throws Exception {
        String id = solvedPlan();
        HttpResponse<String> response = api.post("/api/plans/" + id + "/what-if", """
                {"variants": [{"name": "without nobody", "removeTechnicianIds": ["anna", "nobody"],
                 "timeLimit": "PT1S"}]}""");
        assertThat(response.statusCode()).isEqualTo(422);
        JsonNode violation = problemOf(response).path("violations").get(0);
        assertThat(violation.path("path").asText()).isEqualTo("$.variants[0].removeTechnicianIds[1]");
        assertThat(violation.path("entityId").asText()).isEqualTo("nobody");
    }

    @Test
    void aHomeOnAnotherContinentIsWarnedAbout() throws Exception {
        ObjectNode problem = example();
        ((ObjectNode) problem.get("technicians").get(1).get("home")).put("lat", 40.4).put("lon", -73.9);
        HttpResponse<String> submitted = api.post("/api/plans", problem.toString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(202);
        String id = json.readTree(submitted.body()).path("id").asText();
        api.await("/api/plans/" + id + "/status", s -> s.path("status").asText().matches("SOLVED|STOPPED"));
        JsonNode warnings = api.json("/api/plans/" + id).path("solution").path("warnings");
        assertThat(warnings.toString()).contains("$.technicians[1].home").contains("ben").contains(" km from");
    }
}
