package io.latchkey.store.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

import io.latchkey.store.text.UnicodeText;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import org.springframework.security.crypto.password.AbstractValidatingPasswordEncoder;

/**
 * Argon2id, as Spring's {@code Argon2PasswordEncoder} computes and stores it (same
 * parameters, same PHC string, 16-byte salt, 32-byte hash), with its memory blocks taken
 * from a pool instead of allocated for every hash.
 * <p>
 * NOTE: Argon2id's cost is memory: every hash fills {@code memoryKib} KiB of 1 KiB blocks.
 * Allocated anew, that is 7–19 MiB of short-lived garbage per sign-in, copied by the
 * collector while the hash runs; the password grant lost a quarter of its throughput to
 * that. BouncyCastle's {@link Argon2BytesGenerator.FixedBlockPool} keeps enough blocks
 * for {@code concurrentHashes} hashes and hands them out again (cleared); a hash beyond
 * that allocates, as before.
 */
public final class PooledArgon2PasswordEncoder extends AbstractValidatingPasswordEncoder {

    private static final int SALT_LENGTH = 16;
    private static final int HASH_LENGTH = 32;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final Argon2BytesGenerator.BlockPool blocks;
    private final SecureRandom random = new SecureRandom();

    public PooledArgon2PasswordEncoder(int memoryKib, int iterations, int parallelism, int concurrentHashes) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.blocks = new Argon2BytesGenerator.FixedBlockPool(
                concurrentHashes * Argon2BytesGenerator.getBlockCount(memoryKib, parallelism));
    }

    @Override
    protected String encodeNonNullPassword(String rawPassword) {
        if (!UnicodeText.isWellFormed(rawPassword)) {
            throw new IllegalArgumentException("A password must be valid Unicode text; this one has an unpaired surrogate");
        }
        byte[] salt = new byte[SALT_LENGTH];
        this.random.nextBytes(salt);
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withParallelism(this.parallelism)
                .withMemoryAsKB(this.memoryKib)
                .withIterations(this.iterations)
                .withBlockPool(this.blocks)
                .build();
        return Argon2PhcString.encode(hash(rawPassword, parameters, HASH_LENGTH), parameters);
    }

    @Override
    protected boolean matchesNonNull(String rawPassword, String encodedPassword) {
        Argon2PhcString.Decoded stored;
        try {
            stored = Argon2PhcString.decode(encodedPassword);
        }
        catch (IllegalArgumentException notArgon2) {
            return false;
        }
        byte[] computed = hash(rawPassword, stored.parameters().withBlockPool(this.blocks).build(), stored.hash().length);
        return MessageDigest.isEqual(computed, stored.hash()) && UnicodeText.isWellFormed(rawPassword);
    }

    /** A hash made at a lower memory or time cost than configured is re-hashed at the next sign-in. */
    @Override
    protected boolean upgradeEncodingNonNull(String encodedPassword) {
        try {
            Argon2PhcString.Decoded stored = Argon2PhcString.decode(encodedPassword);
            return stored.memoryKib() < this.memoryKib || stored.iterations() < this.iterations;
        }
        catch (IllegalArgumentException notArgon2) {
            return false;
        }
    }

    /**
     * NOTE: the password's UTF-8 bytes, as Bouncy Castle would make them from its characters.
     * A password that is not valid Unicode text (an unpaired surrogate, which a JSON escape can
     * carry) made Bouncy Castle throw mid-hash, a 500: here a check of one still costs a hash
     * (of its bytes with the surrogate replaced) and never matches, and one cannot be stored.
     */
    private static byte[] hash(String rawPassword, Argon2Parameters parameters, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] hash = new byte[length];
        generator.generateBytes(rawPassword.getBytes(StandardCharsets.UTF_8), hash);
        return hash;
    }
}
