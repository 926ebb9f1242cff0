package org.techroute.api.plans;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.techroute.api.config.TechrouteProperties;

/**
 * This instance's name in plan claims and how long a claim lasts ({@code techroute.cluster.lease}); the heartbeat
 * renews every claim this instance holds (plans queued, solving or being re-optimized here).
 */
public final class ClusterLease {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterLease.class);

    private final String instanceId;
    private final TechrouteProperties.Cluster cluster;
    private final RunClaims claims;
    private final Clock clock = Clock.systemUTC();

    ClusterLease(TechrouteProperties.Cluster cluster, RunClaims claims) {
        this.cluster = cluster;
        this.claims = claims;
        this.instanceId = cluster.instanceId() != null && !cluster.instanceId().isBlank() ? cluster.instanceId()
                : hostName() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This instance's name in plan claims. */
    public String instanceId() {
        return instanceId;
    }

    /** When a claim made now expires. */
    public OffsetDateTime until() {
        return now().plus(cluster.lease());
    }

    /** How often the heartbeat runs: a third of the lease, at least 100 ms. */
    long heartbeatMillis() {
        return Math.max(100, cluster.lease().toMillis() / 3);
    }

    /** Renews this instance's claims. */
    void heartbeat() {
        try {
            claims.renewClaims(instanceId, until());
        } catch (RuntimeException e) {
            LOG.warn("cannot renew the claims of {}", instanceId, e);
        }
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "techroute";
        }
    }
}
