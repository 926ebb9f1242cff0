package org.techroute.api.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A test's HTTP client for a service on a loopback port: requests, JSON reads, and bounded polling. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Duration wait;

    /** @param wait how long {@link #await} polls before failing */
    public ApiClient(int port, Duration wait) {
        this.port = port;
        this.wait = wait;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** GET a JSON resource, which must answer 200. */
    public JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).GET().build());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    /** Polls a JSON resource until the condition holds; fails after the client's wait. */
    public JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = json(path);
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("condition not met within " + wait + " at " + path + "; last: " + last);
    }
}
