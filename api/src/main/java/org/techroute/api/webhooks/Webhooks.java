package org.techroute.api.webhooks;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook} table: registered URLs and the secrets that sign their events. */
@Repository
public class Webhooks {

    private final JdbcClient jdbc;

    public Webhooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A registration. */
    public record Webhook(String id, String url, String secret, OffsetDateTime createdAt, String createdBy) {
    }

    public void insert(Webhook webhook) {
        jdbc.sql("INSERT INTO webhook (id, url, secret, created_at, created_by) VALUES (:id, :url, :secret, :at, :by)")
                .param("id", webhook.id()).param("url", webhook.url()).param("secret", webhook.secret())
                .param("at", webhook.createdAt()).param("by", webhook.createdBy()).update();
    }

    public List<Webhook> all() {
        return jdbc.sql("SELECT * FROM webhook ORDER BY created_at, id").query(Webhooks::row).list();
    }

    public Optional<Webhook> find(String id) {
        return jdbc.sql("SELECT * FROM webhook WHERE id = :id").param("id", id).query(Webhooks::row).optional();
    }

    public boolean delete(String id) {
        return jdbc.sql("DELETE FROM webhook WHERE id = :id").param("id", id).update() == 1;
    }

    private static Webhook row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Webhook(rs.getString("id"), rs.getString("url"), rs.getString("secret"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"));
    }
}
