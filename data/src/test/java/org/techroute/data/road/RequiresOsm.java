package org.techroute.data.road;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Optional;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * A test class that needs real OSM extracts (file names, found by {@link SharedOsm}). Without them the class is
 * disabled before anything of it runs (no {@code @BeforeAll}, no Spring context), so each of its tests is counted
 * as skipped with the reason; with env {@code CI=true} the class fails instead.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresOsm.Condition.class)
public @interface RequiresOsm {

    /** The extracts' file names, e.g. {@code liechtenstein.osm.pbf}. */
    String[] value();

    /** The check, at class level. */
    final class Condition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<RequiresOsm> required = AnnotationSupport.findAnnotation(context.getElement(), RequiresOsm.class);
            if (required.isEmpty()) {
                return ConditionEvaluationResult.enabled("checked at class level");
            }
            for (String name : required.get().value()) {
                if (SharedOsm.locate(name) == null) {
                    String message = SharedOsm.missing(name);
                    if (SharedOsm.ci()) {
                        throw new IllegalStateException(message + " (CI=true: real-extract tests must run)");
                    }
                    return ConditionEvaluationResult.disabled(message);
                }
            }
            return ConditionEvaluationResult.enabled("extracts found");
        }
    }
}
