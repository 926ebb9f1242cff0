package org.techroute.api.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/** The audit trail: who submitted, changed, stopped, booked, ... what and when; a table and a log line each. */
public class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger("org.techroute.audit");

    /**
     * @param actor  the caller's name ({@code key:<name>} for API keys, the token's user for JWTs,
     *               {@code anonymous} without authentication)
     * @param via    {@code api-key}, {@code jwt} or {@code none}
     * @param action SUBMIT, SOLVE_AGAIN, CHANGE, STOP, DELETE, BOOK, WHAT_IF, NIGHTLY, DEMO, KEY_CREATE,
     *               KEY_REVOKE, WEBHOOK_CREATE, WEBHOOK_DELETE, or the method for other writes
     * @param detail what was asked: change types with their visit, technician and shift ids, the booked visit, ...
     */
    public record Event(String id, OffsetDateTime at, String actor, String via, String action, String method,
            String path, String planId, int status, String detail, String remoteAddress) {
    }

    private final JdbcTemplate jdbc;

    public AuditTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(Event event) {
        LOG.info("{} {} {} {} -> {} plan={} {}", event.actor(), event.action(), event.method(), event.path(),
                event.status(), event.planId(), event.detail() == null ? "" : event.detail());
        jdbc.update("INSERT INTO audit_event (id, at, actor, via, action, method, path, plan_id, status, detail,"
                + " remote_address) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", event.id() == null ? UUID.randomUUID()
                        .toString() : event.id(), event.at(), cut(event.actor(), 200), event.via(), event.action(),
                event.method(), cut(event.path(), 1000), event.planId(), event.status(), cut(event.detail(), 2000),
                cut(event.remoteAddress(), 100));
    }

    /** Newest first; each filter is optional. {@code visitId}: events whose detail names that visit. */
    public List<Event> find(String planId, String visitId, String actor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_event WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (planId != null) {
            sql.append(" AND plan_id = ?");
            args.add(planId);
        }
        if (actor != null) {
            sql.append(" AND actor = ?");
            args.add(actor);
        }
        if (visitId != null) {
            sql.append(" AND detail LIKE ? ESCAPE '!'");
            args.add("%visit=" + visitId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + ";%");
        }
        sql.append(" ORDER BY at DESC, id LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), AuditTrail::event, args.toArray());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getString("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("actor"),
                rs.getString("via"), rs.getString("action"), rs.getString("method"), rs.getString("path"),
                rs.getString("plan_id"), rs.getInt("status"), rs.getString("detail"), rs.getString("remote_address"));
    }
}
