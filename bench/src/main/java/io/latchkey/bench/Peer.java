package io.latchkey.bench;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The server Latchkey is compared with in the same run, when {@code --compare keycloak}
 * asks for one: Keycloak with its realm, or nothing.
 */
final class Peer implements AutoCloseable {

    private final Keycloak keycloak;
    private final Map<String, Operation> operations;

    private Peer(Keycloak keycloak, Map<String, Operation> operations) {
        this.keycloak = keycloak;
        this.operations = operations;
    }

    static Peer start(BenchOptions options) throws IOException, InterruptedException {
        if (options.keycloak() == null) {
            return new Peer(null, Map.of());
        }
        Keycloak keycloak = Keycloak.start(options.keycloak(), options.root().resolve("bench").resolve("target"),
                options.root().resolve("bench").resolve("target").resolve("logs"));
        try {
            KeycloakRealm realm = KeycloakRealm.create(keycloak);
            return new Peer(keycloak, realm.operations(options.connections()).stream()
                    .collect(Collectors.toMap(Operation::key, Function.identity())));
        }
        catch (RuntimeException failed) {
            keycloak.close();
            throw failed;
        }
    }

    boolean running() {
        return this.keycloak != null;
    }

    Keycloak keycloak() {
        return this.keycloak;
    }

    /** Keycloak's side of the row with this key, or null when it has none or none runs. */
    Operation operation(String key) {
        return this.operations.get(key);
    }

    /** What the report says of the peer: null when there was none. */
    Report.PeerSummary summary() {
        if (this.keycloak == null) {
            return null;
        }
        return new Report.PeerSummary("Keycloak " + BenchOptions.KEYCLOAK_VERSION + " (kc.sh start-dev)",
                this.keycloak.readyIn().toMillis() / 1000.0, ProcessCpu.proportionalMib(this.keycloak.pid()));
    }

    @Override
    public void close() throws InterruptedException {
        if (this.keycloak != null) {
            this.keycloak.close();
        }
    }
}
