package org.techroute.api.config;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read that clients poll often (a plan's status): its request mapping is also found by {@link PolledReads}, which
 * Spring MVC asks before its mapping of every endpoint.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PolledRead {
}
