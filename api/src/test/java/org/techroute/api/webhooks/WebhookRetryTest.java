package org.techroute.api.webhooks;

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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.techroute.api.support.ApiClient;
import org.techroute.api.support.Problems;
import org.techroute.data.json.ProblemJson;
import org.techroute.data.model.Problem;

/**
 * A run's end goes through the database: a receiver that fails twice gets the event three times (same event id,
 * valid signatures, attempts 1 to 3), the row ends DELIVERED, and {@code GET /api/webhooks/{id}/deliveries} shows
 * it (404 problem for an unknown webhook, 400 for a bad limit).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WebhookRetryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "a-secret-of-the-operator";
    static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-webhook-retry");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.nightly.cron", () -> "-");
        registry.add("techroute.webhooks.first-retry", () -> "PT0.1S");
        registry.add("techroute.webhooks.poll", () -> "PT0.1S");
    }

    @LocalServerPort
    int port;
    @Autowired
    WebhookDelivery sender;

    Receiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = new Receiver(n -> n == 1 ? 500 : n == 2 ? 503 : 204);
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    @Test
    void aReceiverThatFailsTwiceGetsTheEventThreeTimesAndTheDeliveryIsShown() throws Exception {
        ApiClient api = new ApiClient(port, WAIT);
        HttpResponse<String> created = api.post("/api/webhooks", JSON.createObjectNode().put("url", receiver.url())
                .put("secret", SECRET).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = JSON.readTree(created.body()).get("webhook").get("id").asText();
        assertThat(api.json("/api/webhooks/" + id + "/deliveries").size()).as("none yet").isZero();

        Problem problem = Problems.demo(2, 6);
        problem = problem.withOptions(problem.options().withTimeLimit(Duration.ofMillis(300)));
        String planId = JSON.readTree(api.post("/api/plans", ProblemJson.write(problem)).body()).get("id").asText();

        List<Receiver.Delivery> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Receiver.Delivery delivery = receiver.next(60);
            assertThat(delivery).as("try " + (i + 1)).isNotNull();
            got.add(delivery);
        }
        assertThat(got).extracting(Receiver.Delivery::attempt).containsExactly(1, 2, 3);
        assertThat(got).extracting(Receiver.Delivery::answered).containsExactly(500, 503, 204);
        String eventId = got.get(0).deliveryId();
        assertThat(got).allSatisfy(d -> {
            assertThat(d.deliveryId()).isEqualTo(eventId);
            assertThat(d.eventId()).isEqualTo(eventId);
            assertThat(d.event()).isEqualTo("run.ended");
            assertThat(d.signedWith(SECRET)).as("signature").isTrue();
            assertThat(d.signedWith("another secret")).isFalse();
            assertThat(d.body()).isEqualTo(got.get(0).body());
        });
        assertThat(JSON.readTree(got.get(0).body()).get("planId").asText()).isEqualTo(planId);

        JsonNode deliveries = api.await("/api/webhooks/" + id + "/deliveries",
                list -> list.size() == 1 && "DELIVERED".equals(list.get(0).path("state").asText()));
        JsonNode delivery = deliveries.get(0);
        assertThat(delivery.get("eventId").asText()).isEqualTo(eventId);
        assertThat(delivery.get("type").asText()).isEqualTo("run.ended");
        assertThat(delivery.get("planId").asText()).isEqualTo(planId);
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("lastAnswer").asText()).isEqualTo("HTTP 204");
        assertThat(delivery.get("deliveredAt").isTextual()).isTrue();
        assertThat(delivery.get("nextAttemptAt").isNull()).isTrue();
        Eventually.passes(sender, 3);
        assertThat(receiver.all()).as("no more after a 2xx").hasSize(3);

        // unknown webhook and bad limits
        HttpResponse<String> unknown = api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/no-such-webhook"
                + "/deliveries")).GET().build());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(unknown.body()).contains("no-such-webhook").doesNotContain("Exception");
        HttpResponse<String> badLimit = api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/" + id
                + "/deliveries?limit=0")).GET().build());
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertThat(badLimit.body()).contains("limit");
        assertThat(api.json("/api/webhooks/" + id + "/deliveries?limit=1").size()).isEqualTo(1);

        // the operations document lists the endpoint
        assertThat(api.json("/v3/api-docs").path("paths").has("/api/webhooks/{id}/deliveries")).isTrue();

        // deleting the webhook drops its deliveries
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/" + id)).DELETE().build()).statusCode())
                .isEqualTo(204);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/" + id + "/deliveries")).GET().build())
                .statusCode()).isEqualTo(404);
    }
}
