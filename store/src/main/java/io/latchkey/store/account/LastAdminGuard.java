package io.latchkey.store.account;

import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

/** Account deletions, which never leave the system without an admin. */
final class LastAdminGuard {

    /** The advisory lock account deletions take turns on: "Latchkey" in ASCII, a number of Latchkey's own. */
    private static final long LOCK = 0x4c_61_74_63_68_6b_65_79L;

    private final JdbcClient jdbc;
    private final TransactionOperations transactions;

    LastAdminGuard(JdbcClient jdbc, TransactionOperations transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Deletes the account, unless it is the only admin.
     * <p>
     * NOTE: deletions take turns (a PostgreSQL advisory lock held by the transaction), and each
     * counts the other admins after the one before it committed: two admins deleting each
     * other at once would otherwise each still see the other, and both go. That relies on
     * READ COMMITTED (a fresh snapshot per statement) and on being its own transaction or the
     * first thing one does: joined to a REPEATABLE READ transaction that already read, or
     * caught inside a caller's transaction (which it marks for rollback), it would not hold.
     * @return false when there is no such account
     * @throws LastAdminException when no other admin account would remain
     */
    boolean delete(UUID id) {
        return Boolean.TRUE.equals(this.transactions.execute(status -> {
            this.jdbc.sql("SELECT pg_advisory_xact_lock(:lock)").param("lock", LOCK)
                    .query((row, number) -> true).list();
            Optional<String> role = this.jdbc.sql("SELECT role FROM users WHERE id = :id").param("id", id)
                    .query(String.class).optional();
            if (role.isEmpty()) {
                return false;
            }
            if (role.get().equals(Role.ADMIN.value()) && this.jdbc.sql(
                            "SELECT count(*) FROM users WHERE role = :admin AND id <> :id")
                    .param("admin", Role.ADMIN.value()).param("id", id).query(Long.class).single() == 0) {
                throw new LastAdminException();
            }
            return this.jdbc.sql("DELETE FROM users WHERE id = :id").param("id", id).update() > 0;
        }));
    }
}
