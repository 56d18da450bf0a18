package io.latchkey.authserver.keys;

import io.latchkey.authserver.AuthServerTest;

import org.springframework.test.context.TestPropertySource;

/** {@code latchkey.tokens.access-token-algorithm=ES256}: access tokens on a P-256 key, ID tokens still RS256. */
@AuthServerTest
@TestPropertySource(properties = "latchkey.tokens.access-token-algorithm=ES256")
class Es256AccessTokensTest extends AccessTokenAlgorithmContract {

    @Override
    String algorithm() {
        return "ES256";
    }

    @Override
    String keyType() {
        return "EC";
    }
}
