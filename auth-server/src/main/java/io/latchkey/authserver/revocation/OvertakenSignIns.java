package io.latchkey.authserver.revocation;

import java.time.Instant;

import io.latchkey.store.revocation.RevocationStore;
import io.latchkey.store.revocation.RevocationUnavailableException;

import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;

/**
 * Ends the grant of a sign-in that a sign-out-everywhere (password change, account deletion,
 * an admin's "log out everywhere") overtook: it began before it, so it may have checked the
 * password that was replaced (or a browser session signed in before it), and it saved its
 * grant too late for that grant to be denied. Asked right after the grant is saved.
 * NOTE: the sign-out records the user's denial before it lists the grants to deny
 * ({@link RevocationStore#denyUserTokensIssuedBefore}), so a grant saved before the list is
 * read is denied there, and one saved after it is ended here.
 */
public class OvertakenSignIns {

    private final RevocationStore revocations;
    private final GrantRevoker grantRevoker;

    OvertakenSignIns(RevocationStore revocations, GrantRevoker grantRevoker) {
        this.revocations = revocations;
        this.grantRevoker = grantRevoker;
    }

    /**
     * Whether the grant's user was signed out everywhere at or after {@code signInBegan}; if so the
     * grant is ended (its tokens denied, the row deleted) and none of its tokens may be given out.
     */
    public boolean endIfOvertaken(OAuth2Authorization grant, Instant signInBegan) {
        boolean overtaken;
        try {
            overtaken = this.revocations.signedOutSince(grant.getPrincipalName(), signInBegan);
        }
        catch (RevocationUnavailableException unavailable) {
            // Its tokens will not be given out: the grant goes too, not left holding a refresh token nobody has.
            this.grantRevoker.revoke(grant, "login.unconfirmed", "Redis could not say whether the user was signed out");
            throw RevocationErrors.unavailable(unavailable);
        }
        if (overtaken) {
            this.grantRevoker.revoke(grant, "login.overtaken", "signed out everywhere while the grant was being issued");
        }
        return overtaken;
    }
}
