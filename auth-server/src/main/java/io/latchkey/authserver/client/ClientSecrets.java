package io.latchkey.authserver.client;

import java.util.Map;

import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * How client secrets are hashed: a salted HMAC-SHA256 (PBKDF2 with one iteration),
 * stored as {@code {pbkdf2-sha256-1}hex(salt + hash)} and compared in constant time.
 * <p>
 * CAUTION: this is safe only because client secrets are long random values, not
 * passwords a person chose: a slow hash protects guessable secrets, and a 32-character
 * random one cannot be guessed however fast the hash. So configured secrets must be at
 * least {@link #MINIMUM_LENGTH} characters (the seeder refuses shorter ones outside the
 * local profile's documented dev secrets). Argon2id would cost 20–40 ms of CPU on every
 * token request. Hashes stored under an older id (Argon2id, bcrypt) still verify, and
 * the seeder re-hashes them.
 */
public final class ClientSecrets {

    public static final int MINIMUM_LENGTH = 32;

    private static final String ENCODING_ID = "pbkdf2-sha256-1";

    private final DelegatingPasswordEncoder encoder;

    /** @param legacy the password encoder client secrets were hashed with before, still trusted to verify them */
    public ClientSecrets(PasswordEncoder legacy) {
        Pbkdf2PasswordEncoder hmac = new Pbkdf2PasswordEncoder("", 16, 1,
                Pbkdf2PasswordEncoder.SecretKeyFactoryAlgorithm.PBKDF2WithHmacSHA256);
        this.encoder = new DelegatingPasswordEncoder(ENCODING_ID, Map.of(ENCODING_ID, hmac));
        this.encoder.setDefaultPasswordEncoderForMatches(legacy);
    }

    /** The encoder Spring's client authentication verifies secrets with. */
    public PasswordEncoder encoder() {
        return this.encoder;
    }
}
