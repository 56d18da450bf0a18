package io.latchkey.store.password;

import java.util.Base64;

import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The PHC string form of an Argon2 hash, as Spring's {@code Argon2PasswordEncoder} writes
 * and reads it: {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, base64 without
 * padding. Hashes stored by either encoder verify with the other.
 */
final class Argon2PhcString {

    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

    /** A decoded hash: the parameters it was made with (salt included) and the hash bytes. */
    record Decoded(Argon2Parameters.Builder parameters, int memoryKib, int iterations, byte[] hash) {
    }

    private Argon2PhcString() {
    }

    static String encode(byte[] hash, Argon2Parameters parameters) {
        String type = switch (parameters.getType()) {
            case Argon2Parameters.ARGON2_d -> "argon2d";
            case Argon2Parameters.ARGON2_i -> "argon2i";
            case Argon2Parameters.ARGON2_id -> "argon2id";
            default -> throw new IllegalArgumentException("Unknown Argon2 type " + parameters.getType());
        };
        return "$" + type + "$v=" + parameters.getVersion() + "$m=" + parameters.getMemory() + ",t="
                + parameters.getIterations() + ",p=" + parameters.getLanes() + "$" + BASE64.encodeToString(parameters.getSalt())
                + "$" + BASE64.encodeToString(hash);
    }

    /** @throws IllegalArgumentException when the text is not an Argon2 PHC string */
    static Decoded decode(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length < 5 || !parts[0].isEmpty()) {
            throw new IllegalArgumentException("Not an Argon2 hash");
        }
        int type = switch (parts[1]) {
            case "argon2d" -> Argon2Parameters.ARGON2_d;
            case "argon2i" -> Argon2Parameters.ARGON2_i;
            case "argon2id" -> Argon2Parameters.ARGON2_id;
            default -> throw new IllegalArgumentException("Unknown Argon2 type " + parts[1]);
        };
        Argon2Parameters.Builder parameters = new Argon2Parameters.Builder(type);
        int next = 2;
        if (parts[next].startsWith("v=")) {
            parameters.withVersion(Integer.parseInt(parts[next].substring(2)));
            next++;
        }
        else {
            parameters.withVersion(Argon2Parameters.ARGON2_VERSION_10);
        }
        if (parts.length != next + 3) {
            throw new IllegalArgumentException("Not an Argon2 hash");
        }
        int memoryKib = 0;
        int iterations = 0;
        for (String setting : parts[next].split(",")) {
            String[] pair = setting.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Malformed Argon2 parameter " + setting);
            }
            int value = Integer.parseInt(pair[1]);
            switch (pair[0]) {
                case "m" -> memoryKib = value;
                case "t" -> iterations = value;
                case "p" -> parameters.withParallelism(value);
                default -> throw new IllegalArgumentException("Unknown Argon2 parameter " + pair[0]);
            }
        }
        parameters.withMemoryAsKB(memoryKib).withIterations(iterations).withSalt(UNBASE64.decode(parts[next + 1]));
        return new Decoded(parameters, memoryKib, iterations, UNBASE64.decode(parts[next + 2]));
    }
}
