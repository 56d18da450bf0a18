package io.latchkey.authserver.bootstrap;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.latchkey.authserver.client.ClientSecrets;
import io.latchkey.authserver.keys.KeyProperties;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * CAUTION: the local profile ships well-known secrets so anyone can run and test
 * Latchkey without reading logs. The same values anywhere else would let anyone
 * who read the README mint client credentials or decrypt signing keys, so any
 * other profile refuses to start with them.
 */
class DevSecretGuard implements InitializingBean {

    static final String LOCAL_PROFILE = "local";

    /** Every secret value application-local.yml ships (a test keeps the two in step). */
    static final Set<String> DEV_SECRETS = Set.of(
            "demo-client-secret",
            "first-party-secret",
            "service-client-secret",
            "resource-api-secret",
            "local-only-key-encryption-secret-not-for-production");

    private final Environment environment;
    private final BootstrapProperties bootstrap;
    private final KeyProperties keys;

    DevSecretGuard(Environment environment, BootstrapProperties bootstrap, KeyProperties keys) {
        this.environment = environment;
        this.bootstrap = bootstrap;
        this.keys = keys;
    }

    @Override
    public void afterPropertiesSet() {
        refuseShortClientSecrets();
        if (this.environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return;
        }
        List<String> offending = new ArrayList<>();
        if (DEV_SECRETS.contains(this.keys.encryptionSecret())) {
            offending.add("latchkey.keys.encryption-secret");
        }
        for (BootstrapProperties.Client client : this.bootstrap.clients()) {
            if (DEV_SECRETS.contains(client.clientSecret())) {
                offending.add("latchkey.bootstrap.clients[" + client.clientId() + "].client-secret");
            }
        }
        if (!offending.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + offending
                    + " use the documented development secrets, which are only allowed in the '"
                    + LOCAL_PROFILE + "' profile. Configure secrets of your own.");
        }
    }

    /** Client secrets are hashed fast (see {@link ClientSecrets}), which is safe only for long random ones. */
    private void refuseShortClientSecrets() {
        List<String> tooShort = this.bootstrap.clients().stream()
                .filter(client -> !client.isPublic() && !DEV_SECRETS.contains(client.clientSecret())
                        && client.clientSecret().length() < ClientSecrets.MINIMUM_LENGTH)
                .map(client -> "latchkey.bootstrap.clients[" + client.clientId() + "].client-secret")
                .toList();
        if (!tooShort.isEmpty()) {
            throw new IllegalStateException("Refusing to start: " + tooShort + " shorter than " + ClientSecrets.MINIMUM_LENGTH
                    + " characters. Client secrets must be long random values, e.g. `openssl rand -base64 32`.");
        }
    }
}
