package org.techroute.api.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.support.ApiClient;
import org.techroute.api.support.Problems;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * What-if variants are queued runs: plans of their own in the plans list, solved in the solver slots (not on the
 * HTTP thread: the POST answers at once), stoppable, and compared once they finished.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WhatIfRunsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-whatif");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.nightly.cron", () -> "-");
        registry.add("techroute.solver.slots", () -> "1");
    }

    @LocalServerPort
    int port;

    @Test
    void variantsAreQueuedPlansThatCanBeStoppedAndAreComparedWhenDone() throws Exception {
        ApiClient api = new ApiClient(port, Duration.ofSeconds(60));
        Problem problem = Problems.demo(3, 8);
        problem = problem.withOptions(problem.options().withTimeLimit(Duration.ofMillis(500)));
        HttpResponse<String> submitted = api.post("/api/plans", ProblemJson.write(problem));
        String id = JSON.readTree(submitted.body()).get("id").asText();
        api.await("/api/plans/" + id + "/status", s -> s.get("status").asText().equals("SOLVED"));

        HttpResponse<String> queued = api.post("/api/plans/" + id + "/what-if", """
                {"variants": [{"name": "as planned", "timeLimit": "PT1S"}, {"name": "long", "timeLimit": "PT2M"}]}""");
        assertThat(queued.statusCode()).as(queued.body()).isEqualTo(202);
        JsonNode view = JSON.readTree(queued.body());
        String location = queued.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/plans/" + id + "/what-if/" + view.get("whatIfId").asText());
        assertThat(view.get("done").asBoolean()).isFalse();
        List<String> variantPlans = new ArrayList<>();
        view.get("variants").forEach(v -> variantPlans.add(v.get("planId").asText()));
        assertThat(variantPlans).hasSize(2);

        // in the plans list, named after the plan and the variant
        JsonNode list = api.json("/api/plans?limit=10");
        List<String> names = new ArrayList<>();
        list.get("items").forEach(p -> names.add(p.get("name").asText()));
        assertThat(names).anyMatch(n -> n.endsWith("what if: as planned")).anyMatch(n -> n.endsWith("what if: long"));

        // the long variant is stopped like any plan
        api.await("/api/plans/" + variantPlans.get(1) + "/status", s -> s.get("status").asText().equals("SOLVING"));
        HttpResponse<String> stopped = api.send(HttpRequest.newBuilder(api.uri("/api/plans/" + variantPlans.get(1)
                + "/solving")).DELETE().build());
        assertThat(stopped.statusCode()).isEqualTo(202);

        JsonNode done = api.await(location, r -> r.get("done").asBoolean());
        assertThat(done.get("variants").get(0).get("status").asText()).isEqualTo("SOLVED");
        assertThat(done.get("variants").get(0).get("kpis").get("visitsAssigned").isNumber()).isTrue();
        assertThat(done.get("variants").get(1).get("status").asText()).isEqualTo("STOPPED");
        HttpResponse<String> html = api.send(HttpRequest.newBuilder(api.uri(location + "?format=html")).build());
        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).contains("as planned").contains("long");
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/plans/" + id + "/what-if/nope")).build())
                .statusCode()).isEqualTo(404);
    }
}
