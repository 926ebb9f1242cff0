package org.techroute.api.webhooks;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_delivery} table: one row per (event, webhook), PENDING until DELIVERED or GAVE_UP. Instances
 * that share the database claim a row before they send a try (a conditional update, atomic per row), so no try is
 * sent twice; a claim that expired (its instance died) can be taken by another instance.
 */
@Repository
public class WebhookDeliveries {

    /** A delivery's state. */
    public enum State {
        PENDING, DELIVERED, GAVE_UP
    }

    private final JdbcClient jdbc;

    public WebhookDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery that is due, with where to send it and the secret that signs it. */
    public record Due(String eventId, String webhookId, String eventType, String body, int attempts, String url,
            String secret) {
    }

    /** A delivery as an operator sees it. */
    public record Delivery(String eventId, String webhookId, String type, String planId, State state, int attempts,
            String lastAnswer, OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt, OffsetDateTime createdAt,
            String claimedBy, OffsetDateTime claimedUntil) {
    }

    /**
     * Writes a PENDING delivery of one event for every webhook registered now, due at {@code now}; how many.
     * One statement, so a webhook deleted meanwhile is simply left out.
     */
    public int enqueue(String eventId, String eventType, String planId, String body, OffsetDateTime now) {
        return jdbc.sql("INSERT INTO webhook_delivery (event_id, webhook_id, event_type, plan_id, body, state,"
                + " attempts, next_attempt_at, created_at, updated_at)"
                + " SELECT :eventId, id, :type, :planId, :body, 'PENDING', 0, :now, :now, :now FROM webhook")
                .param("eventId", eventId).param("type", eventType).param("planId", planId).param("body", body)
                .param("now", now).update();
    }

    /** Up to {@code limit} PENDING deliveries due at {@code now} that nobody holds, the longest due first. */
    public List<Due> due(OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT d.event_id, d.webhook_id, d.event_type, d.body, d.attempts, w.url, w.secret"
                + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id"
                + " WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now"
                + " AND (d.claimed_until IS NULL OR d.claimed_until < :now)"
                + " ORDER BY d.next_attempt_at, d.created_at, d.event_id, d.webhook_id LIMIT :limit")
                .param("now", now).param("limit", limit)
                .query((rs, n) -> new Due(rs.getString("event_id"), rs.getString("webhook_id"),
                        rs.getString("event_type"), rs.getString("body"), rs.getInt("attempts"), rs.getString("url"),
                        rs.getString("secret")))
                .list();
    }

    /**
     * Claims the next try of a delivery for {@code owner} until {@code until}: only while it is PENDING, due, still
     * at {@code attempts} tries and nobody holds a live claim. True when this instance may send the try.
     */
    public boolean claim(String eventId, String webhookId, int attempts, String owner, OffsetDateTime until,
            OffsetDateTime now) {
        return jdbc.sql("UPDATE webhook_delivery SET claimed_by = :owner, claimed_until = :until"
                + " WHERE event_id = :eventId AND webhook_id = :webhookId AND state = 'PENDING'"
                + " AND attempts = :attempts AND next_attempt_at <= :now"
                + " AND (claimed_until IS NULL OR claimed_until < :now)")
                .param("owner", owner).param("until", until).param("eventId", eventId).param("webhookId", webhookId)
                .param("attempts", attempts).param("now", now).update() == 1;
    }

    /**
     * Records a try that {@code owner} claimed and sent: one more attempt, the answer, the new state, the next try
     * (when still PENDING), and the claim given back. False when the claim was lost meanwhile.
     */
    public boolean record(String eventId, String webhookId, int attempts, String owner, State state, String answer,
            OffsetDateTime nextAttemptAt, OffsetDateTime now) {
        return jdbc.sql("UPDATE webhook_delivery SET attempts = attempts + 1, state = :state, last_answer = :answer,"
                + " next_attempt_at = :next, updated_at = :now, claimed_by = NULL, claimed_until = NULL,"
                + " delivered_at = " + (state == State.DELIVERED ? ":now" : "NULL")
                + " WHERE event_id = :eventId AND webhook_id = :webhookId AND attempts = :attempts"
                + " AND claimed_by = :owner AND state = 'PENDING'")
                .param("state", state.name()).param("answer", answer)
                .param("next", nextAttemptAt == null ? now : nextAttemptAt).param("now", now)
                .param("eventId", eventId).param("webhookId", webhookId).param("attempts", attempts)
                .param("owner", owner).update() == 1;
    }

    /** Gives a claim back without a try (e.g. the webhook was deleted, or this instance is stopping). */
    public boolean release(String eventId, String webhookId, String owner) {
        return jdbc.sql("UPDATE webhook_delivery SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE event_id = :eventId AND webhook_id = :webhookId AND claimed_by = :owner")
                .param("eventId", eventId).param("webhookId", webhookId).param("owner", owner).update() == 1;
    }

    /**
     * Gives back every claim of PENDING deliveries: a single instance that starts holds none, so claims in the
     * database are left over from a process that ended while it sent. How many.
     */
    public int releaseAll() {
        return jdbc.sql("UPDATE webhook_delivery SET claimed_by = NULL, claimed_until = NULL"
                + " WHERE state = 'PENDING' AND claimed_by IS NOT NULL").update();
    }

    /** Deletes delivered and given-up deliveries last changed before {@code before}; how many. */
    public int purge(OffsetDateTime before) {
        return jdbc.sql("DELETE FROM webhook_delivery WHERE state <> 'PENDING' AND updated_at < :before")
                .param("before", before).update();
    }

    /** The newest {@code limit} deliveries to a webhook, newest first. */
    public List<Delivery> ofWebhook(String webhookId, int limit) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE webhook_id = :webhookId"
                + " ORDER BY created_at DESC, event_id DESC LIMIT :limit")
                .param("webhookId", webhookId).param("limit", limit).query(WebhookDeliveries::row).list();
    }

    /** One delivery. */
    public Optional<Delivery> find(String eventId, String webhookId) {
        return jdbc.sql("SELECT * FROM webhook_delivery WHERE event_id = :eventId AND webhook_id = :webhookId")
                .param("eventId", eventId).param("webhookId", webhookId).query(WebhookDeliveries::row).optional();
    }

    private static Delivery row(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getString("event_id"), rs.getString("webhook_id"), rs.getString("event_type"),
                rs.getString("plan_id"), State.valueOf(rs.getString("state")), rs.getInt("attempts"),
                rs.getString("last_answer"), rs.getObject("next_attempt_at", OffsetDateTime.class),
                rs.getObject("delivered_at", OffsetDateTime.class), rs.getObject("created_at", OffsetDateTime.class),
                rs.getString("claimed_by"), rs.getObject("claimed_until", OffsetDateTime.class));
    }
}
