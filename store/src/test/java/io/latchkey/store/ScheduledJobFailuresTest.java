package io.latchkey.store;

import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** A scheduled job that cannot reach PostgreSQL leaves one WARN line; a bug leaves its stack trace. */
@ExtendWith(OutputCaptureExtension.class)
class ScheduledJobFailuresTest {

    private final ScheduledJobFailures failures = new ScheduledJobFailures();

    @Test
    void aDatabaseOutageIsLoggedAsOneWarnLineWithoutAStackTrace(CapturedOutput output) {
        this.failures.handleError(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1000ms")));

        assertThat(output.getOut().lines().filter(line -> line.contains("ScheduledJobFailures")))
                .singleElement().satisfies(line -> assertThat(line).contains("WARN").contains("Connection is not available"));
        assertThat(output.getOut()).doesNotContain("\tat ");
    }

    @Test
    void aBugInAJobIsLoggedInFull(CapturedOutput output) {
        this.failures.handleError(new IllegalStateException("a bug"));

        assertThat(output.getOut()).contains("ERROR").contains("java.lang.IllegalStateException: a bug").contains("\tat ");
    }
}
