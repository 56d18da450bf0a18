package io.latchkey.resourceapi.account;

import java.util.UUID;

import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/users/me")
class MyAccountController {

    private final AccountRepository accounts;

    MyAccountController(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    Profile profile(@AuthenticationPrincipal Jwt jwt) {
        return this.accounts.findById(accountId(jwt))
                .map(Profile::of)
                .orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND));
    }

    /** The account a user's token speaks for; a client's own token (sub = client id) has none. */
    private static UUID accountId(Jwt jwt) {
        try {
            return UUID.fromString(jwt.getSubject());
        }
        catch (IllegalArgumentException notAUser) {
            var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "This endpoint needs a user's token");
            throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, notAUser);
        }
    }

    /** What a user sees of their account: never the password hash, which the account store does not hand out. */
    record Profile(UUID id, String name, String email, String role, java.time.Instant createdAt,
            java.time.Instant updatedAt) {

        static Profile of(Account account) {
            return new Profile(account.id(), account.name(), account.email(), account.role().value(),
                    account.createdAt(), account.updatedAt());
        }
    }
}
