package io.latchkey.authserver.keys;

import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Encrypts private keys at rest with AES-256-GCM ({@link Encryptors#stronger}), the
 * AES key derived from the configured secret and a random salt kept beside each key.
 */
final class PrivateKeyCipher {

    private final String secret;

    PrivateKeyCipher(String secret) {
        this.secret = secret;
    }

    static String newSalt() {
        return KeyGenerators.string().generateKey();
    }

    byte[] encrypt(byte[] privateKey, String salt) {
        return encryptor(salt).encrypt(privateKey);
    }

    byte[] decrypt(byte[] encrypted, String salt) {
        return encryptor(salt).decrypt(encrypted);
    }

    private BytesEncryptor encryptor(String salt) {
        return Encryptors.stronger(this.secret, salt);
    }
}
