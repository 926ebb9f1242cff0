package org.techroute.api.webhooks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A local webhook receiver for tests: it answers the n-th call (from 1) with {@code answer.applyAsInt(n)} and keeps
 * every delivery it got, with the HTTP status it answered.
 */
final class Receiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One call as received. */
    record Delivery(int attempt, String event, String deliveryId, String timestamp, String signature, String body,
            int answered) {

        /** Whether the signature is the HMAC-SHA256 of timestamp.body with {@code secret}. */
        boolean signedWith(String secret) {
            return signature.equals("sha256=" + WebhookDelivery.sign(secret, timestamp + "." + body));
        }

        /** The eventId in the body. */
        String eventId() {
            try {
                return JSON.readTree(body).get("eventId").asText();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final BlockingQueue<Delivery> received = new LinkedBlockingQueue<>();
    private final List<Delivery> all = new ArrayList<>();
    private volatile IntUnaryOperator answer;

    Receiver(IntUnaryOperator answer) throws IOException {
        this.answer = answer;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            int status = this.answer.applyAsInt(calls.incrementAndGet());
            Delivery delivery = new Delivery(Integer.parseInt(headers.getFirst("X-Techroute-Attempt")),
                    headers.getFirst("X-Techroute-Event"), headers.getFirst("X-Techroute-Delivery"),
                    headers.getFirst("X-Techroute-Timestamp"), headers.getFirst("X-Techroute-Signature"), body,
                    status);
            synchronized (all) {
                all.add(delivery);
            }
            received.add(delivery);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** From now on, answers every call with {@code status}. */
    void answer(int status) {
        answer = n -> status;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The next delivery, or null after {@code seconds}. */
    Delivery next(int seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    /** Every delivery so far. */
    List<Delivery> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    /** The deliveries so far of one event. */
    List<Delivery> of(String eventId) {
        return all().stream().filter(d -> d.deliveryId().equals(eventId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
