package io.latchkey.store.throttle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.latchkey.store.StoreTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sign-in budgets against a real Redis: an attempt waits only for checks really in flight,
 * and never long when there are none; an address whose failures are spent is refused before it
 * can wait on an account; and only so many attempts wait at once.
 */
@StoreTest
@TestPropertySource(properties = {
        "latchkey.login-throttle.account-failures=2",
        "latchkey.login-throttle.account-window=PT2S",
        "latchkey.login-throttle.ip-failures=3",
        "latchkey.login-throttle.ip-window=PT2S",
        "latchkey.login-throttle.max-wait=PT1S",
        "latchkey.login-throttle.max-waiting=2" })
class LoginThrottleTest {

    private static final long WINDOW_MILLIS = 2000;
    /** Far below max-wait: an attempt that took this long did not wait for anything. */
    private static final long AT_ONCE_MILLIS = 300;

    @Autowired
    LoginThrottle throttle;

    @Test
    void withNoCheckInFlightAnAttemptNeverWaitsAndEachWindowChecksAtMostTheLimit() throws Exception {
        String email = someone();
        String address = someAddress();
        // A success first, a second before the failures: buckets refilling on schedules of their
        // own would leave the attempts spent while failures remain, and an attempt waiting for nothing.
        this.throttle.begin(email, address).succeeded();
        Thread.sleep(1000);
        Map<Long, Integer> checksByWindow = new HashMap<>();
        long end = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < end) {
            long started = System.nanoTime();
            try {
                Attempt attempt = this.throttle.begin(email, address);
                checksByWindow.merge(System.currentTimeMillis() / WINDOW_MILLIS, 1, Integer::sum);
                attempt.failed();
            }
            catch (Throttled refused) {
                assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(WINDOW_MILLIS));
            }
            assertThat(millisSince(started)).as("nothing in flight, so nothing to wait for").isLessThan(AT_ONCE_MILLIS);
            Thread.sleep(100);
        }
        assertThat(checksByWindow.values()).as("checks per window").allSatisfy(checks -> assertThat(checks).isLessThanOrEqualTo(2));
        assertThat(checksByWindow).as("the budget came back in later windows").hasSizeGreaterThan(1);
    }

    @Test
    void anAttemptWhoseCheckCouldNotBeMadeGivesItsPlaceBack() throws Exception {
        String email = someone();
        String address = someAddress();
        atTheStartOfAWindow();
        for (int i = 0; i < 5; i++) {
            long started = System.nanoTime();
            this.throttle.begin(email, address).abandoned();
            assertThat(millisSince(started)).as("attempt %d waited for nothing", i).isLessThan(AT_ONCE_MILLIS);
        }
        Attempt last = this.throttle.begin(email, address);
        last.failed();
        this.throttle.begin(email, address).failed();
        assertThatThrownBy(() -> this.throttle.begin(email, address)).as("abandoned is not free: failures still count")
                .isInstanceOf(Throttled.class);
    }

    @Test
    void anAddressWhoseFailuresAreSpentIsRefusedBeforeItWaitsOnAnAccount() throws Exception {
        String address = someAddress();
        String busy = someone();
        atTheStartOfAWindow();
        for (int i = 0; i < 3; i++) {
            this.throttle.begin(someone(), address).failed();
        }
        List<Attempt> inFlight = List.of(this.throttle.begin(busy, someAddress()), this.throttle.begin(busy, someAddress()));

        long started = System.nanoTime();
        assertThatThrownBy(() -> this.throttle.begin(busy, address)).isInstanceOf(Throttled.class);
        assertThat(millisSince(started)).as("refused by the address, without waiting on the account").isLessThan(AT_ONCE_MILLIS);
        inFlight.forEach(Attempt::succeeded);
    }

    @Test
    void onlyMaxWaitingAttemptsWaitForChecksInFlightTheRestAreRefusedAtOnce() throws Exception {
        String email = someone();
        atTheStartOfAWindow();
        List<Attempt> inFlight = List.of(this.throttle.begin(email, someAddress()), this.throttle.begin(email, someAddress()));
        ExecutorService crowd = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Long>> waiters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                waiters.add(CompletableFuture.supplyAsync(() -> {
                    long started = System.nanoTime();
                    try {
                        this.throttle.begin(email, someAddress()).succeeded();
                        return -millisSince(started);
                    }
                    catch (Throttled refused) {
                        return millisSince(started);
                    }
                }, crowd));
            }
            Thread.sleep(AT_ONCE_MILLIS);
            assertThat(waiters.stream().filter(CompletableFuture::isDone).toList()).as("refused at once: two wait already")
                    .hasSize(2).allSatisfy(refused -> assertThat(refused.get()).isPositive());

            inFlight.forEach(Attempt::failed);
            for (CompletableFuture<Long> waiter : waiters) {
                assertThat(waiter.get(5, TimeUnit.SECONDS)).as("refused, the failures now spent").isPositive()
                        .isLessThan(1000 + AT_ONCE_MILLIS);
            }
        }
        finally {
            crowd.shutdownNow();
        }
    }

    private static void atTheStartOfAWindow() throws InterruptedException {
        // NOTE: the windows are aligned to the epoch; a test that must not see a refill starts just after one.
        Thread.sleep(WINDOW_MILLIS - System.currentTimeMillis() % WINDOW_MILLIS + 20);
    }

    private static long millisSince(long nanoTime) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime));
    }

    private static String someone() {
        return UUID.randomUUID() + "@example.com";
    }

    private static String someAddress() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
    }
}
