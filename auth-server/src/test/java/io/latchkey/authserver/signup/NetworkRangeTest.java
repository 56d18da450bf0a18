package io.latchkey.authserver.signup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkRangeTest {

    @Test
    void anIpv4AddressBelongsToItsNetworkOfTheGivenLength() {
        assertThat(NetworkRange.of("203.0.113.77", 24, 64)).contains("203.0.113.0/24");
        assertThat(NetworkRange.of("203.0.113.77", 16, 64)).contains("203.0.0.0/16");
        assertThat(NetworkRange.of("203.0.113.77", 32, 64)).contains("203.0.113.77/32");
    }

    @Test
    void anIpv6AddressBelongsToItsNetworkOfTheGivenLength() {
        assertThat(NetworkRange.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 24, 64)).contains("2001:db8:1:2:0:0:0:0/64");
        assertThat(NetworkRange.of("2001:db8:1:2::9", 24, 48)).contains("2001:db8:1:0:0:0:0:0/48");
    }

    @Test
    void anIpv6AddressInBracketsAsAForwardedHeaderGivesItBelongsToTheSameNetwork() {
        assertThat(NetworkRange.of("[2001:db8:1:2::9]", 24, 64)).contains("2001:db8:1:2:0:0:0:0/64");
    }

    @Test
    void anIpv4MappedIpv6AddressCountsAsItsIpv4Address() {
        assertThat(NetworkRange.of("::ffff:198.51.100.9", 24, 64)).contains("198.51.100.0/24");
    }

    /** Names, out-of-range octets and scoped or bracketed forms have no range and are never looked up. */
    @ParameterizedTest
    @ValueSource(strings = { "localhost", "example.com", "999.1.1.1", "1.2.3", "01.2.3.4", "1.2.3.4.5", "256.0.0.1",
            "2001:db8::g", ":", "fe80::1%eth0", "[2001:db8::1", "[1.2.3.4]", "1.2.3.4 ", "' OR 1=1 --", "" })
    void whatIsNotAnIpLiteralHasNoRange(String address) {
        assertThat(NetworkRange.of(address, 24, 64)).isEmpty();
    }

    @Test
    void noAddressHasNoRange() {
        assertThat(NetworkRange.of(null, 24, 64)).isEmpty();
    }
}
