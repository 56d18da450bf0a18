package io.latchkey.store.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionOperations;

/** Accounts in PostgreSQL, through explicit SQL. */
public class AccountRepository {

    private static final String PROFILE_COLUMNS = "id, email, email_verified, name, role, enabled, created_at, updated_at";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;
    private final LastAdminGuard lastAdminGuard;
    private final Profiles profiles;

    public AccountRepository(JdbcClient jdbc, PasswordEncoder passwordEncoder, Clock clock,
            TransactionOperations transactions, Profiles profiles) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock;
        this.lastAdminGuard = new LastAdminGuard(jdbc, transactions);
        this.profiles = profiles;
    }

    /**
     * Creates an account; the raw password is hashed here and never stored.
     * @throws EmailTakenException when the email is already used, decided by the unique index
     */
    public Account create(String email, String name, String rawPassword, Role role) {
        Instant now = now();
        UUID id = UUID.randomUUID();
        try {
            this.jdbc.sql("""
                    INSERT INTO users (id, email, name, password_hash, role, enabled, created_at, updated_at)
                    VALUES (:id, :email, :name, :hash, :role, true, :now, :now)
                    """)
                    .param("id", id)
                    .param("email", Emails.normalize(email))
                    .param("name", name.strip())
                    .param("hash", this.passwordEncoder.encode(rawPassword))
                    .param("role", role.value())
                    .param("now", Timestamp.from(now))
                    .update();
        }
        catch (DuplicateKeyException taken) {
            throw new EmailTakenException();
        }
        return new Account(id, Emails.normalize(email), false, name.strip(), role, true, now, now);
    }

    /** The profile, from memory while the change feed is current (see {@link Profiles}). */
    public Optional<Account> findById(UUID id) {
        return this.profiles.read(id, this::load);
    }

    private Optional<Account> load(UUID id) {
        return this.jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(AccountRepository::account)
                .optional();
    }

    public Optional<Account> findByEmail(String email) {
        return this.jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM users WHERE email = :email")
                .param("email", Emails.normalize(email))
                .query(AccountRepository::account)
                .optional();
    }

    public Optional<AccountCredentials> findCredentialsByEmail(String email) {
        return this.jdbc.sql("SELECT id, password_hash, role, enabled, email_verified FROM users WHERE email = :email")
                .param("email", Emails.normalize(email))
                .query((rs, row) -> new AccountCredentials(rs.getObject("id", UUID.class),
                        rs.getString("password_hash"), Role.fromValue(rs.getString("role")), rs.getBoolean("enabled"),
                        rs.getBoolean("email_verified")))
                .optional();
    }

    /**
     * Changes name and/or email; a null leaves that field as it is. A changed email is not
     * verified, whatever the old one was.
     * @throws EmailTakenException when another account uses the email
     */
    public Optional<Account> updateProfile(UUID id, String name, String email) {
        try {
            int updated = this.jdbc.sql("""
                    UPDATE users SET name = COALESCE(:name, name), email = COALESCE(:email, email),
                        email_verified = email_verified AND COALESCE(:email, email) = email, updated_at = :now
                    WHERE id = :id
                    """)
                    .param("name", name == null ? null : name.strip())
                    .param("email", Emails.normalize(email))
                    .param("now", Timestamp.from(now()))
                    .param("id", id)
                    .update();
            if (updated == 0) {
                return Optional.empty();
            }
            this.profiles.changed(id);
            return load(id);
        }
        catch (DuplicateKeyException taken) {
            throw new EmailTakenException();
        }
    }

    /**
     * Marks the account's email verified, if it is still {@code email}: a confirmation sent to
     * an address the account no longer uses confirms nothing.
     * @return whether it was marked
     */
    public boolean markEmailVerified(UUID id, String email) {
        int updated = this.jdbc.sql("UPDATE users SET email_verified = true, updated_at = :now WHERE id = :id AND email = :email")
                .param("now", Timestamp.from(now()))
                .param("id", id)
                .param("email", Emails.normalize(email))
                .update();
        if (updated > 0) {
            this.profiles.changed(id);
        }
        return updated > 0;
    }

    /**
     * Moves the account to a confirmed new address, verified: the end of an email change.
     * @return whether the account exists
     * @throws EmailTakenException when another account took the address meanwhile
     */
    public boolean changeEmail(UUID id, String email) {
        try {
            int updated = this.jdbc.sql("UPDATE users SET email = :email, email_verified = true, updated_at = :now WHERE id = :id")
                    .param("email", Emails.normalize(email))
                    .param("now", Timestamp.from(now()))
                    .param("id", id)
                    .update();
            if (updated > 0) {
                this.profiles.changed(id);
            }
            return updated > 0;
        }
        catch (DuplicateKeyException taken) {
            throw new EmailTakenException();
        }
    }

    /** Whether the raw password is this account's; the hash never leaves this class. */
    public boolean passwordMatches(UUID id, String rawPassword) {
        return this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .map(hash -> this.passwordEncoder.matches(rawPassword, hash))
                .orElse(false);
    }

    /**
     * Deletes the account, unless it is the only admin (see {@link LastAdminGuard}).
     * @return false when there is no such account
     * @throws LastAdminException when no other admin account would remain
     */
    public boolean delete(UUID id) {
        boolean deleted = this.lastAdminGuard.delete(id);
        this.profiles.changed(id);
        return deleted;
    }

    /** One page of accounts, ordered by a known column, ties broken by id. */
    public List<Account> findPage(int page, int size, AccountSort sort) {
        return this.jdbc.sql("SELECT " + PROFILE_COLUMNS + " FROM users ORDER BY " + sort.orderBy()
                        + ", id LIMIT :limit OFFSET :offset")
                .param("limit", size)
                .param("offset", (long) page * size)
                .query(AccountRepository::account)
                .list();
    }

    public long count() {
        return this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
    }

    /**
     * Stores an already-encoded hash in place of {@code previousHash}: used when sign-in
     * upgrades an outdated encoding. CAUTION: only if the hash is still the one the sign-in
     * checked; a password changed in between stays changed, and nothing is written.
     * @return whether the hash was replaced
     */
    public boolean replacePasswordHash(UUID id, String previousHash, String encodedPassword) {
        return this.jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id AND password_hash = :previous")
                .param("hash", encodedPassword)
                .param("previous", previousHash)
                .param("id", id)
                .update() > 0;
    }

    /** Sets the password of an existing account, e.g. the seeded admin's. */
    public void changePassword(UUID id, String rawPassword) {
        this.jdbc.sql("UPDATE users SET password_hash = :hash, updated_at = :now WHERE id = :id")
                .param("hash", this.passwordEncoder.encode(rawPassword))
                .param("now", Timestamp.from(now()))
                .param("id", id)
                .update();
        this.profiles.changed(id); // its updated_at
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating here makes what we return equal what we read back.
        return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getBoolean("email_verified"), rs.getString("name"),
                Role.fromValue(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
