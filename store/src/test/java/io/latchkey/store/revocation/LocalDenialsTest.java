package io.latchkey.store.revocation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalDenialsTest {

    private static final Instant EXPIRES = Instant.parse("2026-01-01T10:15:00.123Z");

    @Test
    void everyKindOfDenialSurvivesTheWayToAnotherInstance() {
        List<Denial> denials = List.of(
                new Denial(Denial.Kind.TOKEN, "jti with spaces\nand a newline, 日本語 😀", null, EXPIRES),
                new Denial(Denial.Kind.GRANT, "3f1c-grant", null, EXPIRES),
                new Denial(Denial.Kind.USER, "0b9e-user", Instant.parse("2026-01-01T10:00:10.500Z"), EXPIRES));

        String announced = LocalDenials.encode(denials);

        assertThat(announced.lines().map(LocalDenials::decode).toList()).isEqualTo(denials);
    }

    @Test
    void aTokenWithoutJtiOrGrantIsJudgedByTheUserRuleAlone() {
        LocalDenials denials = new LocalDenials(null, Clock.fixed(EXPIRES.minusSeconds(600), ZoneOffset.UTC));
        denials.add(new Denial(Denial.Kind.USER, "0b9e-user", Instant.parse("2026-01-01T10:00:10.500Z"), EXPIRES));
        denials.add(new Denial(Denial.Kind.GRANT, "3f1c-grant", null, EXPIRES));

        assertThat(denials.isDenied(new TokenFacts(null, null, "0b9e-user", Instant.parse("2026-01-01T10:00:09Z")))).isTrue();
        assertThat(denials.isDenied(new TokenFacts(null, null, "0b9e-user", Instant.parse("2026-01-01T10:00:10Z")))).isFalse();
        assertThat(denials.isDenied(new TokenFacts(null, "3f1c-grant", "someone", Instant.parse("2026-01-01T10:00:10Z")))).isTrue();
    }

    @Test
    void aDenialWithoutAValueIsNotAnnounced() {
        assertThat(LocalDenials.encode(List.of(new Denial(Denial.Kind.GRANT, null, null, EXPIRES)))).isEmpty();
    }
}
