package org.techroute.api.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.data.export.VisitCsvWriter;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * The whole service: the small example's visits imported from CSV into its technicians and shifts, solved, and
 * read back as route sheet, calendar feed, CSV and GeoJSON; the OpenAPI document lists the new endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ExportsEndToEndTest {

    static final Path DATA_DIR;

    static {
        try {
            DATA_DIR = Files.createTempDirectory("techroute-exports");
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

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void importSolveAndReadTheExports() throws Exception {
        Problem small = ProblemJson.read(Path.of("../docs/examples/small-problem.json"));
        Problem base = small.withResources(small.technicians(), small.shifts(), List.of())
                .withOptions(small.optionsOrDefaults().withStepLimit(300L));
        String boundary = "techroute-test-boundary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"visits\"; filename=\"v.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + VisitCsvWriter.write(small) + "\r\n--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"problem\"; filename=\"base.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + ProblemJson.write(base) + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/plans/import")).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(imported.statusCode()).as(imported.body()).isEqualTo(202);
        JsonNode answer = ProblemJson.mapper().readTree(imported.body());
        assertThat(answer.get("visitsImported").asInt()).isEqualTo(small.visits().size());
        String id = answer.at("/plan/id").asText();

        // bounded polling: 300 steps on 6 visits take well under a second; 120 s is a safety net on a loaded machine
        String status = "";
        for (int i = 0; i < 240 && !status.matches("SOLVED|STOPPED|FAILED"); i++) {
            status = ProblemJson.mapper().readTree(get("/api/plans/" + id + "/status").body()).get("status")
                    .asText();
            if (!status.matches("SOLVED|STOPPED|FAILED")) {
                Thread.sleep(500);
            }
        }
        assertThat(status).isEqualTo("SOLVED");

        Problem plan = ProblemJson.read(get("/api/plans/" + id).body());
        // the CSV has no pins (a started visit is nothing to import); everything else is as in the example
        assertThat(plan.visits()).isEqualTo(small.visits().stream().map(v -> v.withPin(null)).toList());
        HttpResponse<String> sheet = get("/api/plans/" + id + "/sheet");
        assertThat(sheet.statusCode()).isEqualTo(200);
        assertThat(sheet.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("text/html"));
        assertThat(sheet.body().split("<section class=\"sheet\"", -1)).hasSize(1 + small.shifts().size());
        assertThat(get("/api/plans/" + id + "/routes/anna-mon/sheet").body()).contains("Anna Beck");
        HttpResponse<String> ics = get("/api/plans/" + id + "/technicians/ben/calendar.ics");
        assertThat(ics.statusCode()).isEqualTo(200);
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("BEGIN:VEVENT");
        assertThat(get("/api/plans/" + id + "/steps.csv").body()).startsWith("shift_id,");
        assertThat(get("/api/plans/" + id + "/visits.csv").body()).startsWith("id,customer,");
        assertThat(ProblemJson.mapper().readTree(get("/api/plans/" + id + "/routes.geojson").body()).get("type")
                .asText()).isEqualTo("FeatureCollection");

        JsonNode paths = ProblemJson.mapper().readTree(get("/v3/api-docs").body()).get("paths");
        assertThat(paths.has("/api/plans/import")).isTrue();
        assertThat(paths.has("/api/plans/{id}/sheet")).isTrue();
        assertThat(paths.has("/api/plans/{id}/routes/{shiftId}/sheet")).isTrue();
        assertThat(paths.has("/api/plans/{id}/technicians/{technicianId}/calendar.ics")).isTrue();
        assertThat(paths.has("/api/plans/{id}/steps.csv")).isTrue();
        assertThat(paths.has("/api/plans/{id}/visits.csv")).isTrue();
        assertThat(paths.has("/api/plans/{id}/routes.geojson")).isTrue();
        assertThat(paths.at("/~1api~1plans~1import/post/requestBody/content").has("multipart/form-data")).isTrue();
    }
}
