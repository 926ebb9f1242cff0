package org.techroute.data.road;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * What a graph cache folder was built from: the extract (path, size, modification time) and the profile.
 * Written into the cache folder after a successful import; compared on every start to decide whether the
 * cache can be reused.
 */
record GraphCacheStamp(String osmFile, long osmBytes, long osmModifiedMillis, String profileHash) {

    static final String FILE_NAME = "techroute-graph.properties";

    static GraphCacheStamp of(RoadGraphConfig config) {
        Path osm = config.osmFile().toAbsolutePath().normalize();
        try {
            return new GraphCacheStamp(osm.toString(), Files.size(osm), Files.getLastModifiedTime(osm).toMillis(),
                    sha256(config.profileFingerprint()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OSM extract " + osm, e);
        }
    }

    static Optional<GraphCacheStamp> read(Path cacheDir) {
        Path file = cacheDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
            return Optional.of(new GraphCacheStamp(p.getProperty("osm.file", ""),
                    Long.parseLong(p.getProperty("osm.bytes", "-1")),
                    Long.parseLong(p.getProperty("osm.modified_millis", "-1")),
                    p.getProperty("profile.sha256", "")));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    void write(Path cacheDir) {
        Properties p = new Properties();
        p.setProperty("osm.file", osmFile);
        p.setProperty("osm.bytes", Long.toString(osmBytes));
        p.setProperty("osm.modified_millis", Long.toString(osmModifiedMillis));
        p.setProperty("profile.sha256", profileHash);
        try (OutputStream out = Files.newOutputStream(cacheDir.resolve(FILE_NAME))) {
            p.store(out, "techroute road graph cache: what this folder was built from");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + cacheDir.resolve(FILE_NAME), e);
        }
    }

    /** Why a cache built from {@code this} cannot serve {@code wanted}, or empty when it can. */
    Optional<String> staleReason(GraphCacheStamp wanted) {
        if (!profileHash.equals(wanted.profileHash)) {
            return Optional.of("the profile changed");
        }
        if (!osmFile.equals(wanted.osmFile)) {
            return Optional.of("the extract changed from " + osmFile + " to " + wanted.osmFile);
        }
        if (osmBytes != wanted.osmBytes || osmModifiedMillis != wanted.osmModifiedMillis) {
            return Optional.of("the extract " + wanted.osmFile + " changed (size " + osmBytes + " -> " + wanted.osmBytes
                    + " bytes, modified " + osmModifiedMillis + " -> " + wanted.osmModifiedMillis + ")");
        }
        return Optional.empty();
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
