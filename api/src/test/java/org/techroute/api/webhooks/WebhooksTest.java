package org.techroute.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

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
 * Webhooks with a local HTTP receiver: registered (persisted, listed without the secret), a run's end is delivered
 * as signed JSON (the receiver checks the HMAC-SHA256 signature with the secret), a failed delivery is retried, and
 * bad registrations get 422 with the path.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class WebhooksTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String SECRET = "a-secret-of-the-operator";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path dir = Files.createTempDirectory("techroute-webhooks");
        registry.add("techroute.data-dir", dir::toString);
        registry.add("techroute.nightly.cron", () -> "-");
        registry.add("techroute.webhooks.first-retry", () -> "PT0.1S");
    }

    @LocalServerPort
    int port;
    @Autowired
    Webhooks webhooks;

    HttpServer receiver;
    final BlockingQueue<Delivery> deliveries = new LinkedBlockingQueue<>();
    final AtomicInteger calls = new AtomicInteger();

    record Delivery(int attempt, String event, String timestamp, String signature, String body) {
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            // the first call fails: the delivery must be retried
            int status = calls.incrementAndGet() == 1 ? 500 : 204;
            deliveries.add(new Delivery(Integer.parseInt(headers.getFirst("X-Techroute-Attempt")),
                    headers.getFirst("X-Techroute-Event"), headers.getFirst("X-Techroute-Timestamp"),
                    headers.getFirst("X-Techroute-Signature"), body));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aRunsEndIsDeliveredSignedAndRetried() throws Exception {
        ApiClient api = new ApiClient(port, Duration.ofSeconds(60));
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        HttpResponse<String> created = api.post("/api/webhooks", JSON.createObjectNode().put("url", url)
                .put("secret", SECRET).toString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode webhook = JSON.readTree(created.body());
        assertThat(webhook.has("secret")).as("a secret given is not echoed").isFalse();
        String id = webhook.get("webhook").get("id").asText();
        assertThat(webhooks.find(id)).as("persisted").isPresent();
        assertThat(api.json("/api/webhooks").toString()).contains(url).doesNotContain(SECRET);

        Problem problem = Problems.demo(2, 6);
        problem = problem.withOptions(problem.options().withTimeLimit(Duration.ofMillis(300)));
        String planId = JSON.readTree(api.post("/api/plans", ProblemJson.write(problem)).body()).get("id").asText();

        Delivery first = deliveries.poll(60, TimeUnit.SECONDS);
        Delivery second = deliveries.poll(30, TimeUnit.SECONDS);
        assertThat(first).as("delivered").isNotNull();
        assertThat(second).as("retried after a 500").isNotNull();
        assertThat(first.attempt()).isEqualTo(1);
        assertThat(second.attempt()).isEqualTo(2);
        for (Delivery delivery : List.of(first, second)) {
            assertThat(delivery.signature()).isEqualTo("sha256=" + WebhookDelivery.sign(SECRET,
                    delivery.timestamp() + "." + delivery.body()));
            assertThat(delivery.signature()).isNotEqualTo("sha256=" + WebhookDelivery.sign("another secret",
                    delivery.timestamp() + "." + delivery.body()));
        }
        JsonNode event = JSON.readTree(second.body());
        assertThat(second.event()).isEqualTo("run.ended");
        assertThat(event.get("type").asText()).isEqualTo("run.ended");
        assertThat(event.get("planId").asText()).isEqualTo(planId);
        assertThat(event.get("status").asText()).isEqualTo("SOLVED");
        assertThat(event.get("run").asInt()).isEqualTo(1);
        assertThat(event.get("score").asText()).isNotBlank();
        assertThat(event.get("eventId").asText()).isEqualTo(JSON.readTree(first.body()).get("eventId").asText());
        assertThat(deliveries.poll(500, TimeUnit.MILLISECONDS)).as("no more after a 2xx").isNull();

        // bad registrations name the field; a made secret is shown once
        HttpResponse<String> bad = api.post("/api/webhooks", "{\"url\": \"ftp://x\", \"secret\": \"short\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("$.url").contains("$.secret");
        HttpResponse<String> made = api.post("/api/webhooks", "{\"url\": \"https://ops.example.com/hook\"}");
        assertThat(JSON.readTree(made.body()).get("secret").asText()).hasSize(64);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/" + id)).DELETE().build()).statusCode())
                .isEqualTo(204);
        assertThat(api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/" + id)).DELETE().build()).statusCode())
                .isEqualTo(404);
        api.send(HttpRequest.newBuilder(api.uri("/api/webhooks/" + JSON.readTree(made.body()).get("webhook")
                .get("id").asText())).DELETE().build());
    }
}
