package io.latchkey.api;

import java.time.Duration;

import io.latchkey.store.StoreOutage;
import io.latchkey.store.account.EmailTakenException;
import io.latchkey.store.account.LastAdminException;
import io.latchkey.store.throttle.ThrottleUnavailable;
import io.latchkey.store.throttle.Throttled;
import io.latchkey.testing.JsonBody;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a JSON API answers for each failure its handlers meet, as problem+json, on the MVC
 * slice alone: a controller that only throws stands in for the servers' endpoints.
 */
@WebMvcTest(controllers = ProblemAnswersTest.Failing.class)
@AutoConfigureMockMvc(addFilters = false)
class ProblemAnswersTest {

    @Autowired
    MockMvc mvc;

    @Test
    void anInvalidFieldIs400NamingTheField() throws Exception {
        this.mvc.perform(post("/body").contentType(MediaType.APPLICATION_JSON).content(JsonBody.of("name", " ")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aBodyThatIsNotJsonIs400MalformedNot500() throws Exception {
        this.mvc.perform(post("/body").contentType(MediaType.APPLICATION_JSON).content("{\"name\": "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed request body"));
    }

    @Test
    void aFieldProblemIs400WithItsField() throws Exception {
        this.mvc.perform(get("/field-problem"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("currentPassword"))
                .andExpect(jsonPath("$.errors[0].message").value("is not your password"));
    }

    @Test
    void aTakenEmailIs409OnTheEmailField() throws Exception {
        this.mvc.perform(get("/email-taken"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
    }

    @Test
    void theLastAdminIs409() throws Exception {
        this.mvc.perform(get("/last-admin"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Last admin"));
    }

    @Test
    void throttlingIs429WithRetryAfterInWholeSecondsRoundedUp() throws Exception {
        this.mvc.perform(get("/throttled"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "3"));
    }

    @Test
    void aThrottleThatCannotCountIs503RetryAfter5() throws Exception {
        this.mvc.perform(get("/throttle-unavailable"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"));
    }

    @Test
    void anUnreachableDatabaseIs503NeverA500() throws Exception {
        for (String path : new String[] { "/database-down", "/no-transaction" }) {
            this.mvc.perform(get(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.detail").value(StoreOutage.DETAIL));
        }
    }

    @SpringBootConfiguration
    @Import({ Failing.class, Problems.class })
    static class Slice {
    }

    @RestControllerAdvice
    static class Problems extends ApiExceptionHandler {
    }

    record Body(@NotBlank String name) {
    }

    @RestController
    static class Failing {

        @PostMapping("/body")
        void body(@Valid @RequestBody Body body) {
        }

        @GetMapping("/field-problem")
        void fieldProblem() {
            throw new FieldProblem("currentPassword", "is not your password");
        }

        @GetMapping("/email-taken")
        void emailTaken() {
            throw new EmailTakenException();
        }

        @GetMapping("/last-admin")
        void lastAdmin() {
            throw new LastAdminException();
        }

        @GetMapping("/throttled")
        void throttled() {
            throw new Throttled("Too many attempts", Duration.ofMillis(2001));
        }

        @GetMapping("/throttle-unavailable")
        void throttleUnavailable() {
            throw new ThrottleUnavailable("Attempts cannot be counted", null);
        }

        @GetMapping("/database-down")
        void databaseDown() {
            throw new DataAccessResourceFailureException("connection refused");
        }

        @GetMapping("/no-transaction")
        void noTransaction() {
            throw new CannotCreateTransactionException("no connection");
        }
    }
}
