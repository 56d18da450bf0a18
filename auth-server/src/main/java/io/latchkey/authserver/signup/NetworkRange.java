package io.latchkey.authserver.signup;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The network a client address belongs to, as {@code address/bits}. Only IP literals have
 * one: the text is parsed here, never handed to a resolver, so a forged
 * {@code X-Forwarded-For} cannot make a sign-up wait on DNS.
 */
final class NetworkRange {

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private NetworkRange() {
    }

    /**
     * @param address   a client address as the request gives it
     * @param ipv4Bits  the prefix length for an IPv4 address
     * @param ipv6Bits  the prefix length for an IPv6 address
     * @return the masked network and its prefix length; empty for what is not an IP literal
     */
    static Optional<String> of(String address, int ipv4Bits, int ipv6Bits) {
        Optional<byte[]> bytes = literal(address);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        byte[] network = bytes.get();
        int bits = network.length == 4 ? ipv4Bits : ipv6Bits;
        for (int i = 0; i < network.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - i * 8));
            network[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return Optional.of(InetAddress.getByAddress(network).getHostAddress() + "/" + bits);
        }
        catch (UnknownHostException cannotHappen) { // NOTE: only for a length other than 4 or 16
            return Optional.empty();
        }
    }

    private static Optional<byte[]> literal(String address) {
        if (address == null) {
            return Optional.empty();
        }
        if (IPV4.matcher(address).matches()) {
            String[] octets = address.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) Integer.parseInt(octets[i]);
            }
            return Optional.of(bytes);
        }
        // NOTE: Spring's forwarded-header support gives an IPv6 client as [address]; Tomcat's, bare
        String bare = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1)
                : address;
        if (IPV6.matcher(bare).matches()) {
            try {
                // NOTE: text with a colon is parsed as an IPv6 literal or refused; never resolved
                return Optional.of(InetAddress.getByName(bare).getAddress());
            }
            catch (UnknownHostException | IllegalArgumentException notAnAddress) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
