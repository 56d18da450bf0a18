package io.latchkey.store.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class BoundedPasswordEncoderTest {

    @Test
    void ofManySignInsHashingAtOnceAtMostThePermittedNumberRun() throws Exception {
        SlowEncoder slow = new SlowEncoder();
        PasswordEncoder bounded = new BoundedPasswordEncoder(slow, 2);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService signIns = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 12; i++) {
                String password = "password-" + i;
                results.add(signIns.submit(() -> bounded.matches(password, "hash:" + password)));
                results.add(signIns.submit(() -> bounded.matches(password, "hash:wrong")));
            }
        }
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get()).as("answer %d", i).isEqualTo(i % 2 == 0);
        }
        assertThat(slow.calls.get()).isEqualTo(24);
        assertThat(slow.mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void encodingIsBoundedTooAndUpgradeCheckNeedsNoPermit() throws Exception {
        SlowEncoder slow = new SlowEncoder();
        PasswordEncoder bounded = new BoundedPasswordEncoder(slow, 1);
        try (ExecutorService signUps = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 6; i++) {
                signUps.submit(() -> bounded.encode("a new password"));
            }
        }
        assertThat(slow.mostAtOnce.get()).isEqualTo(1);
        assertThat(bounded.encode("x")).isEqualTo("hash:x");
        assertThat(bounded.upgradeEncoding("old")).isTrue();
    }

    @Test
    void zeroPermitsAreRefusedAtConstruction() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BoundedPasswordEncoder(new SlowEncoder(), 0));
    }

    @Test
    void zeroMeansOnePermitPerProcessorAsFarAsAThirdOfTheHeapHoldsTheirMemory() {
        long mib = 1024 * 1024;
        assertThat(PasswordHashingLimits.permits(2, 128 * mib, 19456)).as("2 × 19 MiB in a third of 128 MiB").isEqualTo(2);
        assertThat(PasswordHashingLimits.permits(16, 128 * mib, 19456)).as("a big machine on a small heap").isEqualTo(2);
        assertThat(PasswordHashingLimits.permits(16, 4096 * mib, 19456)).isEqualTo(16);
        assertThat(PasswordHashingLimits.permits(4, 32 * mib, 19456)).as("never none").isEqualTo(1);
        assertThat(new PasswordHashingLimits(3).permits(19456)).as("a number set wins").isEqualTo(3);
    }

    /** Takes 30 ms per hash and records how many ran at the same time. */
    private static final class SlowEncoder implements PasswordEncoder {

        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();

        @Override
        public String encode(CharSequence rawPassword) {
            return hash(() -> "hash:" + rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            return hash(() -> encodedPassword.equals("hash:" + rawPassword));
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return "old".equals(encodedPassword);
        }

        private <T> T hash(java.util.function.Supplier<T> result) {
            this.calls.incrementAndGet();
            this.mostAtOnce.accumulateAndGet(this.running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
                return result.get();
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
            finally {
                this.running.decrementAndGet();
            }
        }
    }
}
