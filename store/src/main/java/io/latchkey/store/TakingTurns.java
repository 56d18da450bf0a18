package io.latchkey.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Instances of every Latchkey app started at once on one database take turns, on PostgreSQL
 * advisory locks, where they would otherwise race:
 * <ul>
 * <li><b>Migrations.</b> Liquibase's own lock lives in a table it first has to create, so two
 * apps starting on an empty database both tried to create it and one died. Each app's
 * Liquibase now runs holding {@link #MIGRATIONS}, so one applies the changes and the others,
 * when their turn comes, find them applied. (As a bean post-processor: Boot's Liquibase
 * settings stay as they are.)</li>
 * <li><b>Seeding.</b> {@link #inTurn} serialises a transaction on a key, so reading, then
 * inserting, cannot insert twice.</li>
 * </ul>
 */
public final class TakingTurns implements BeanPostProcessor, DisposableBean {

    /** "Latchkey" in ASCII: the key every app's migrations hold. */
    public static final long MIGRATIONS = 0x4c6174636b6b6579L;

    /** The key auth-server's seeding of clients and the admin holds. */
    public static final long BOOTSTRAP = MIGRATIONS + 1;

    private static final Logger log = LoggerFactory.getLogger(TakingTurns.class);

    private Connection held;

    /** Within a transaction: waits for this key, held until the transaction ends. */
    public static void inTurn(JdbcClient jdbc, long key) {
        jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", key).query().singleValue();
    }

    @Override
    public synchronized Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
            this.held = lock(liquibase.getDataSource());
        }
        return bean;
    }

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringLiquibase) {
            release();
        }
        return bean;
    }

    /** A start that failed while migrating gives its turn back as its context closes. */
    @Override
    public synchronized void destroy() {
        release();
    }

    private static Connection lock(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            long began = System.nanoTime();
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                statement.setLong(1, MIGRATIONS);
                statement.execute();
            }
            long waitedMillis = (System.nanoTime() - began) / 1_000_000;
            if (waitedMillis > 100) {
                log.info("Waited {} ms for another instance's migrations", waitedMillis);
            }
            return connection;
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not take the migrations' turn", ex);
        }
    }

    private void release() {
        if (this.held == null) {
            return;
        }
        try (Connection connection = this.held) {
            try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                statement.setLong(1, MIGRATIONS);
                statement.execute();
            }
        }
        catch (SQLException ex) {
            log.warn("Could not give the migrations' turn back; it ends with the connection: {}", ex.toString());
        }
        finally {
            this.held = null;
        }
    }
}
