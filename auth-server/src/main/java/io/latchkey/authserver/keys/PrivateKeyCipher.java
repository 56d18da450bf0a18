package io.latchkey.authserver.keys;

import java.util.ArrayList;
import java.util.List;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Encrypts private keys at rest with AES-256-GCM ({@link Encryptors#stronger}), the AES
 * key derived from the configured secret and a random salt kept beside each key.
 * Decrypts with the current secret, or else with one of the previous secrets, so the
 * secret can be rotated without losing the keys encrypted under the old one.
 */
final class PrivateKeyCipher {

    private final String secret;
    private final List<String> previousSecrets;

    PrivateKeyCipher(String secret, List<String> previousSecrets) {
        this.secret = secret;
        this.previousSecrets = List.copyOf(previousSecrets);
    }

    static String newSalt() {
        return KeyGenerators.string().generateKey();
    }

    byte[] encrypt(byte[] privateKey, String salt) {
        return Encryptors.stronger(this.secret, salt).encrypt(privateKey);
    }

    /**
     * @return the plain key, and whether it was encrypted under a previous secret (and so should be re-encrypted)
     * @throws IllegalStateException when no configured secret opens it
     */
    Decrypted decrypt(byte[] encrypted, String salt) {
        List<String> secrets = new ArrayList<>();
        secrets.add(this.secret);
        secrets.addAll(this.previousSecrets);
        for (int i = 0; i < secrets.size(); i++) {
            try {
                return new Decrypted(Encryptors.stronger(secrets.get(i), salt).decrypt(encrypted), i > 0);
            }
            catch (IllegalStateException wrongSecret) {
                // try the next one
            }
        }
        throw new IllegalStateException("no configured secret decrypts it");
    }

    record Decrypted(byte[] plain, boolean underPreviousSecret) {
    }
}
