package io.latchkey.bench;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The side-by-side table: which Keycloak row each Latchkey row is held against, and whether it is enough. */
class ReportTest {

    private static final String SCALE = "near-empty";

    @Test
    void issuingRowsAreHeldAgainstKeycloaksSameRowAndReadingRowsAgainstItsUserinfo() {
        String markdown = report(new Report.PeerSummary("Keycloak 26.7.3 (kc.sh start-dev)", 12.5, 650),
                row("client_credentials", "AUTH_SERVER", 3000), row("client_credentials", "KEYCLOAK", 1000),
                row("userinfo", "AUTH_SERVER", 10000), row("userinfo", "KEYCLOAK", 6000),
                row("jwks", "AUTH_SERVER", 30000), row("jwks", "KEYCLOAK", 9000),
                row("me", "RESOURCE_API", 13000)).markdown();

        assertThat(markdown).contains("**Latchkey beside Keycloak 26.7.3 (kc.sh start-dev)**")
                .contains("| client_credentials | 1,000 | 3,000 | 3.00 (1.5): met |")
                .contains("| userinfo | 6,000 | 10,000 | 1.67 (2.0): not met |")
                .contains("| jwks | 6,000 of KC userinfo | 30,000 | 5.00 (2.0): met |")
                .contains("| me | 6,000 of KC userinfo | 13,000 | 2.17 (2.0): met |")
                .contains("Keycloak 26.7.3 (kc.sh start-dev) 650 MiB, ready in 12.5 s");
    }

    @Test
    void withoutAPeerThereIsNoComparisonAndKeycloakRowsNeverShowInLatchkeysTable() {
        assertThat(report(null, row("jwks", "AUTH_SERVER", 30000)).markdown()).doesNotContain("beside");
        assertThat(report(new Report.PeerSummary("Keycloak", 1, 1), row("jwks", "AUTH_SERVER", 30000),
                row("jwks", "KEYCLOAK", 9000)).markdown()).containsOnlyOnce("| jwks | 30,000 |");
    }

    @Test
    void issuingRowsAreShownAgainstWhatSigningAloneAllows() {
        String markdown = report(null, row("client_credentials", "AUTH_SERVER", 18000), row("refresh", "AUTH_SERVER", 1200),
                row("jwks", "AUTH_SERVER", 30000)).markdown();

        assertThat(markdown).contains("client_credentials 18,000 of 20,000/s (90%, wanted 85%: met)")
                .as("an access and an ID token: 1 / (1/20,000 + 1/2,000)")
                .contains("refresh 1,200 of 1,818/s (66%, wanted 85%: not met)")
                .doesNotContain("jwks 30,000 of");
    }

    private static Report report(Report.PeerSummary peer, Row... rows) {
        return new Report("2026-12-04", "2 cores", "Java 25", "Load: test", new BenchOptions.Argon2Cost(7168, 5, 1),
                Map.of(), 4.0, 3.5, null, null, 300, 280, 250, 230, 290, 270, List.of(rows), peer,
                new SigningRate.Floors("EdDSA", Map.of("EdDSA", 20000.0, "RS256", 2000.0)));
    }

    private static Row row(String key, String server, double perSecond) {
        return new Row(SCALE, key, key, server, (long) perSecond * 20, perSecond, 1.0, 5.0, 0, 0.2, 0.05, 0.4, "", "", "");
    }
}
