package org.techroute.data.model;

/** How urgent a service call is; one CRITICAL visit outweighs any number of lower-priority ones. */
public enum Priority {
    CRITICAL, HIGH, NORMAL, LOW
}
