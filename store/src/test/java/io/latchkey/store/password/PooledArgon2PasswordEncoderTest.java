package io.latchkey.store.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class PooledArgon2PasswordEncoderTest {

    // Small costs keep the test fast; the code paths are the same at any cost.
    private static final int MEMORY_KIB = 256;
    private static final int ITERATIONS = 2;

    private final PasswordEncoder pooled = new PooledArgon2PasswordEncoder(MEMORY_KIB, ITERATIONS, 1, 2);
    private final PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, MEMORY_KIB, ITERATIONS);

    @Test
    void writesTheSamePhcStringAsSpringsEncoder() {
        String hash = this.pooled.encode("correct horse battery staple");

        assertThat(hash).matches("\\$argon2id\\$v=19\\$m=256,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(this.pooled.encode("correct horse battery staple")).as("a fresh salt each time").isNotEqualTo(hash);
    }

    @Test
    void hashesOfEitherEncoderVerifyWithTheOther() {
        String ours = this.pooled.encode("naïve café ☕ password");
        String springs = this.spring.encode("naïve café ☕ password");

        assertThat(this.spring.matches("naïve café ☕ password", ours)).isTrue();
        assertThat(this.pooled.matches("naïve café ☕ password", springs)).isTrue();
        assertThat(this.pooled.matches("naive cafe password", springs)).isFalse();
        assertThat(this.spring.matches("naive cafe password", ours)).isFalse();
    }

    @Test
    void malformedOrForeignHashesNeverMatch() {
        for (String stored : List.of("", "$argon2id$", "$2a$10$abcdefghijklmnopqrstuv", "$argon2id$v=19$m=256,t=2,p=1$bm9wZQ",
                "$argon2x$v=19$m=256,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA", "$argon2id$v=19$m=256,q=2,p=1$c2FsdA$aGFzaA")) {
            assertThat(this.pooled.matches("password", stored)).as(stored).isFalse();
        }
    }

    @Test
    void aPasswordWithAnUnpairedSurrogateNeverMatchesAndCannotBeStored() {
        PasswordEncoder encoder = this.pooled;
        String stored = encoder.encode("?abcdefgh");

        assertThat(encoder.matches("\uD800abcdefgh", stored)).as("not even the password it is replaced by").isFalse();
        assertThat(encoder.matches("?abcdefgh", stored)).isTrue();
        assertThatIllegalArgumentException().isThrownBy(() -> encoder.encode("abcdefgh\uDFFF"));
        assertThat(encoder.matches("pass \uD83D\uDE00 word", encoder.encode("pass \uD83D\uDE00 word")))
                .as("a surrogate pair is text like any other").isTrue();
    }

    @Test
    void hashesBelowTheConfiguredCostAreUpgraded() {
        PasswordEncoder cheaper = new PooledArgon2PasswordEncoder(128, 1, 1, 1);

        assertThat(this.pooled.upgradeEncoding(cheaper.encode("password"))).isTrue();
        assertThat(this.pooled.upgradeEncoding(this.pooled.encode("password"))).isFalse();
        assertThat(cheaper.upgradeEncoding(this.pooled.encode("password"))).isFalse();
    }

    @Test
    void blocksReusedAcrossConcurrentHashesNeverMixThemUp() throws Exception {
        String reference = this.spring.encode("the reference password");
        List<Future<Boolean>> checks = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                String password = i % 2 == 0 ? "the reference password" : "another password " + i;
                checks.add(threads.submit(() -> this.pooled.matches(password, reference)));
            }
        }
        for (int i = 0; i < checks.size(); i++) {
            assertThat(checks.get(i).get()).as("check %d", i).isEqualTo(i % 2 == 0);
        }
    }
}
