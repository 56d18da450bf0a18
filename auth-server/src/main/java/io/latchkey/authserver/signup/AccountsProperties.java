package io.latchkey.authserver.signup;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How accounts are made.
 *
 * @param hideExisting a sign-up with a taken address answers exactly as one with a new address
 *                     (and creates nothing), so sign-up cannot tell who has an account
 * @param signupLimit  sign-ups per client address, checked before any password is hashed
 * @param requireVerifiedEmail refuse sign-in (pages, JSON API, password grant) until the account's
 *                     owner confirmed the address from the mail sign-up sends; off in the local profile
 */
@Validated
@ConfigurationProperties("latchkey.accounts")
public record AccountsProperties(@DefaultValue("false") boolean hideExisting, @Valid @DefaultValue SignupLimit signupLimit,
        @DefaultValue("true") boolean requireVerifiedEmail) {

    /**
     * @param enabled    whether sign-ups are limited at all
     * @param perAddress sign-ups allowed per client address within {@code window}
     * @param window     the window
     * @param perRange   sign-ups allowed per address range within {@code window}; 0 turns it off
     * @param ipv4Range  the range's prefix length for IPv4 addresses (24: a /24)
     * @param ipv6Range  the range's prefix length for IPv6 addresses (64: a /64)
     */
    public record SignupLimit(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") @Min(1) int perAddress,
            @DefaultValue("PT10M") Duration window,
            @DefaultValue("0") @Min(0) int perRange,
            @DefaultValue("24") @Min(0) @Max(32) int ipv4Range,
            @DefaultValue("64") @Min(0) @Max(128) int ipv6Range) {
    }
}
