package io.latchkey.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The bare signing rate of a JWS algorithm: signatures over an access token's signing input
 * (header and claims as auth-server writes them) on every core, with the JDK's providers,
 * the key sizes auth-server generates (RSA 2048, P-256, Ed25519), no HTTP, no JSON, no
 * database. No server issues tokens faster than it can sign them: each issuing row is also
 * shown as a share of its floor (see {@link Floors}).
 */
final class SigningRate {

    private static final byte[] SIGNING_INPUT = signingInput();

    private SigningRate() {
    }

    /** Signatures per second of {@code algorithm} (RS256, ES256 or EdDSA), on one thread per core. */
    static double measure(String algorithm, Duration warmup, Duration duration) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        KeyPair keys = keyPair(algorithm);
        run(algorithm, keys.getPrivate(), threads, warmup);
        long started = System.nanoTime();
        long signatures = run(algorithm, keys.getPrivate(), threads, duration);
        return signatures / ((System.nanoTime() - started) / 1e9);
    }

    private static long run(String algorithm, PrivateKey key, int threads, Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                workers.add(pool.submit(() -> {
                    Signature signer = Signature.getInstance(jdkName(algorithm));
                    long count = 0;
                    while (System.nanoTime() < deadline) {
                        signer.initSign(key);
                        signer.update(SIGNING_INPUT);
                        if (signer.sign().length == 0) {
                            throw new IllegalStateException("An empty signature");
                        }
                        count++;
                    }
                    return count;
                }));
            }
            long total = 0;
            for (Future<Long> worker : workers) {
                total += worker.get();
            }
            return total;
        }
    }

    private static String jdkName(String algorithm) {
        return switch (algorithm) {
            case "RS256" -> "SHA256withRSA";
            case "ES256" -> "SHA256withECDSA";
            case "EdDSA" -> "Ed25519";
            default -> throw new IllegalArgumentException("No signing floor for " + algorithm);
        };
    }

    private static KeyPair keyPair(String algorithm) throws GeneralSecurityException {
        return switch (algorithm) {
            case "RS256" -> {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                yield rsa.generateKeyPair();
            }
            case "ES256" -> {
                KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
                ec.initialize(new ECGenParameterSpec("secp256r1"));
                yield ec.generateKeyPair();
            }
            default -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        };
    }

    private static byte[] signingInput() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"kid\":\"4b1d6f0e-8a7c-4f9e-9d3b-2c5a7e1f0b6d\",\"typ\":\"at+jwt\",\"alg\":\"RS256\"}";
        String claims = "{\"sub\":\"7f3c2a9e-1b4d-4e8f-a6c5-0d9b8e7f6a5b\",\"aud\":[\"latchkey-api\"],\"nbf\":1764806400,"
                + "\"scope\":[\"openid\",\"account:read\"],\"iss\":\"http://localhost:9000\",\"exp\":1764807300,"
                + "\"iat\":1764806400,\"jti\":\"0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b\",\"client_id\":\"first-party\","
                + "\"sid\":\"5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d\",\"roles\":[\"user\"]}";
        return (base64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))).getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * The floors of the issuing rows: client_credentials signs one access token per request;
     * refresh (scope openid) an access token and an RS256 ID token.
     *
     * @param signaturesPerSecond the bare rate of each algorithm measured
     */
    record Floors(String accessTokenAlgorithm, Map<String, Double> signaturesPerSecond) {

        /** The most requests per second signing alone allows for a row; null for rows not bound by signing. */
        Double of(String row) {
            double access = this.signaturesPerSecond.get(this.accessTokenAlgorithm);
            return switch (row) {
                case "client_credentials" -> access;
                case "refresh" -> 1 / (1 / access + 1 / this.signaturesPerSecond.get("RS256"));
                default -> null;
            };
        }
    }
}
