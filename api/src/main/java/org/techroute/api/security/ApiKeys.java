package org.techroute.api.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * API keys in the database: {@code trk_} and 32 random bytes, shown once when created; only their SHA-256 hash
 * and first characters are stored (a random 256-bit key needs no slow hash). Used by the service and by the
 * {@code keys} command.
 */
public final class ApiKeys {

    public static final String PREFIX = "trk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A stored key, without its secret. */
    public record Key(String id, String name, Role role, String technicianId, String prefix,
            OffsetDateTime createdAt, String createdBy, OffsetDateTime revokedAt, String revokedBy) {
    }

    /** A new key: the secret is in {@code key} and nowhere else. */
    public record Created(Key stored, String key) {
    }

    private final JdbcTemplate jdbc;

    public ApiKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Created create(String name, Role role, String technicianId, String createdBy) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String prefix = key.substring(0, 10);
        jdbc.update("INSERT INTO api_key (id, name, role, technician_id, key_hash, key_prefix, created_at, created_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", id, name, role.id(), technicianId, hash(key), prefix, now,
                createdBy);
        return new Created(new Key(id, name, role, technicianId, prefix, now, createdBy, null, null), key);
    }

    /** The key's record if it exists and is not revoked. */
    public Optional<Key> active(String key) {
        if (key == null || !key.startsWith(PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT * FROM api_key WHERE key_hash = ? AND revoked_at IS NULL", ApiKeys::key, hash(key))
                .stream().findFirst();
    }

    public List<Key> list() {
        return jdbc.query("SELECT * FROM api_key ORDER BY created_at DESC, id", ApiKeys::key);
    }

    public Optional<Key> find(String id) {
        return jdbc.query("SELECT * FROM api_key WHERE id = ?", ApiKeys::key, id).stream().findFirst();
    }

    /** @return whether a key that was active is revoked now */
    public boolean revoke(String id, String revokedBy) {
        return jdbc.update("UPDATE api_key SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                OffsetDateTime.now(ZoneOffset.UTC), revokedBy, id) == 1;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Key key(ResultSet rs, int row) throws SQLException {
        return new Key(rs.getString("id"), rs.getString("name"), Role.byId(rs.getString("role")).orElseThrow(),
                rs.getString("technician_id"), rs.getString("key_prefix"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_by"));
    }
}
