package org.techroute.api.plans;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only when PostgreSQL answers at {@link #URL} (user {@code postgres}). With {@code CI=true}
 * a PostgreSQL that does not answer fails the tests instead of skipping them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.Condition.class)
public @interface PostgresAvailable {

    String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    String USER = "postgres";

    /** The connection check. */
    class Condition implements ExecutionCondition {

        private static Boolean available;

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (available == null) {
                available = tryConnect();
            }
            if (available) {
                return ConditionEvaluationResult.enabled("PostgreSQL answers at " + URL);
            }
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but PostgreSQL does not answer at " + URL
                        + " (user " + USER + "): the PostgreSQL tests must run in CI");
            }
            return ConditionEvaluationResult.disabled("PostgreSQL does not answer at " + URL);
        }

        private static boolean tryConnect() {
            DriverManager.setLoginTimeout(3);
            try (Connection connection = DriverManager.getConnection(URL + "?connectTimeout=3", USER, "")) {
                return connection.isValid(3);
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
