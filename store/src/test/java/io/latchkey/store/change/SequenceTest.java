package io.latchkey.store.change;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SequenceTest {

    private final Sequence sequence = new Sequence();

    @BeforeEach
    void resyncedUpToFive() {
        this.sequence.resyncBegins();
        this.sequence.resynced(5);
    }

    @Test
    void changesArrivingOneAfterAnotherKeepTheCopyTrusted() {
        assertThat(this.sequence.arrived(6)).isTrue();
        assertThat(this.sequence.arrived(7)).isTrue();
        assertThat(this.sequence.counted(7)).isTrue();
        assertThat(this.sequence.trusted()).isTrue();
    }

    @Test
    void aNumberSkippedMeansAChangeWasMissed() {
        assertThat(this.sequence.arrived(7)).isFalse();
        assertThat(this.sequence.trusted()).isFalse();
    }

    @Test
    void aChangeCountedButNotArrivedByTheNextHeartbeatWasMissed() {
        assertThat(this.sequence.counted(6)).as("may still be on its way").isTrue();
        assertThat(this.sequence.counted(6)).isFalse();
        assertThat(this.sequence.trusted()).isFalse();
    }

    @Test
    void aChangeThatArrivesBetweenTwoHeartbeatsIsNotMissed() {
        assertThat(this.sequence.counted(6)).isTrue();
        this.sequence.arrived(6);
        assertThat(this.sequence.counted(6)).isTrue();
        assertThat(this.sequence.trusted()).isTrue();
    }

    @Test
    void aCounterBelowTheLastNumberSeenMeansRedisLostItsData() {
        assertThat(this.sequence.counted(0)).isFalse();
        assertThat(this.sequence.trusted()).isFalse();
    }

    @Test
    void changesThatArriveWhileResynchronisingAreKeptAndTheNumberingGoesOnFromThem() {
        this.sequence.resyncBegins();
        this.sequence.arrived(8);
        this.sequence.arrived(9);
        this.sequence.resynced(7);

        assertThat(this.sequence.arrived(10)).isTrue();
        assertThat(this.sequence.trusted()).isTrue();
    }

    @Test
    void afterRedisLostItsDataTheNumberingStartsAgainFromItsCounter() {
        this.sequence.counted(0);
        this.sequence.resyncBegins();
        this.sequence.resynced(0);

        assertThat(this.sequence.arrived(1)).isTrue();
        assertThat(this.sequence.trusted()).isTrue();
    }
}
