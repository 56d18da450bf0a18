package io.latchkey.store.account;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.latchkey.store.StoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** There is always an admin: the last admin account cannot be deleted, not even by two deletions at once. */
@StoreTest
class LastAdminTest {

    @Autowired
    AccountRepository accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void noAdminsFromOtherTests() {
        // NOTE: other tests share this store; this one counts its own admins.
        this.jdbc.sql("DELETE FROM users WHERE role = 'admin'").update();
    }

    @Test
    void anAdminIsDeletedWhileAnotherRemainsButTheLastOneStays() {
        Account first = admin();
        Account second = admin();
        Account user = this.accounts.create(email(), "User", "a password of users", Role.USER);

        assertThat(this.accounts.delete(first.id())).isTrue();
        assertThatThrownBy(() -> this.accounts.delete(second.id())).isInstanceOf(LastAdminException.class);

        assertThat(this.accounts.findById(second.id())).isPresent();
        assertThat(this.accounts.delete(user.id())).as("users are not admins").isTrue();
        assertThat(this.accounts.delete(UUID.randomUUID())).isFalse();
    }

    @Test
    void twoAdminsDeletingEachOtherAtOnceLeaveOne() throws Exception {
        Account first = admin();
        Account second = admin();
        CountDownLatch firstDeletedUncommitted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        // NOTE: a thread each; the common pool may have only one on two cores.
        ExecutorService threads = Executors.newFixedThreadPool(2);

        try {
            // The first deletion runs in a transaction the test holds open after the row is gone.
            CompletableFuture<Boolean> deletingFirst = CompletableFuture.supplyAsync(() ->
                    new TransactionTemplate(this.transactions).execute(status -> {
                        boolean deleted = this.accounts.delete(first.id());
                        firstDeletedUncommitted.countDown();
                        await(commitFirst);
                        return deleted;
                    }), threads);
            assertThat(firstDeletedUncommitted.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Boolean> deletingSecond = CompletableFuture.supplyAsync(() -> this.accounts.delete(second.id()),
                    threads);

            waitUntilWaitingOrDone(deletingSecond);
            assertThat(deletingSecond).as("the second deletion waits its turn rather than count the first admin as left")
                    .isNotDone();
            commitFirst.countDown();

            assertThat(deletingFirst.get(10, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> deletingSecond.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LastAdminException.class);
            assertThat(this.accounts.findById(first.id())).isEmpty();
            assertThat(this.accounts.findById(second.id())).isPresent();
        }
        finally {
            commitFirst.countDown();
            threads.shutdown();
        }
    }

    /** Until PostgreSQL shows a session waiting for an advisory lock, or the deletion has finished without one. */
    private void waitUntilWaitingOrDone(CompletableFuture<?> deletion) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!deletion.isDone() && System.nanoTime() < deadline) {
            long waiting = this.jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class).single();
            if (waiting > 0) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private Account admin() {
        return this.accounts.create(email(), "Admin", "a password of admins", Role.ADMIN);
    }

    private static String email() {
        return "admin-" + UUID.randomUUID() + "@example.com";
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
