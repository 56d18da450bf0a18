package io.latchkey.resourceapi.admin;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.latchkey.resourceapi.account.AccountDeletion;
import io.latchkey.store.account.Account;
import io.latchkey.store.account.AccountRepository;
import io.latchkey.store.account.AccountSort;
import io.latchkey.store.termination.Termination;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/users")
@Validated
class AdminUsersController {

    private final AccountRepository accounts;
    private final AccountDeletion deletion;
    private final Termination termination;

    AdminUsersController(AccountRepository accounts, AccountDeletion deletion, Termination termination) {
        this.deletion = deletion;
        this.accounts = accounts;
        this.termination = termination;
    }

    /** Accounts page by page; {@code sort} is {@code createdAt}, {@code email} or {@code name}, then {@code ,asc|desc}. */
    @GetMapping
    Page users(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        AccountSort order = AccountSort.parse(sort).orElseThrow(() -> new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "sort must be createdAt, email or name, optionally followed by ,asc or ,desc"), null));
        long total = this.accounts.count();
        List<UserSummary> content = this.accounts.findPage(page, size, order).stream().map(UserSummary::of).toList();
        return new Page(content, page, size, total, (total + size - 1) / size);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        if (!this.deletion.deleteAccount(id, "account.deleted_by_admin")) {
            throw notFound();
        }
        return ResponseEntity.noContent().build();
    }

    /** Ends every token and session of the user; the account stays. */
    @PostMapping("/{id}/logout")
    ResponseEntity<Void> logoutEverywhere(@PathVariable UUID id) {
        if (this.accounts.findById(id).isEmpty()) {
            throw notFound();
        }
        this.termination.endEverythingOf(id, "account.logged_out_by_admin");
        return ResponseEntity.noContent().build();
    }

    private static ErrorResponseException notFound() {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such user"), null);
    }

    record UserSummary(UUID id, String name, String email, String role, boolean enabled, Instant createdAt,
            Instant updatedAt) {

        static UserSummary of(Account account) {
            return new UserSummary(account.id(), account.name(), account.email(), account.role().value(),
                    account.enabled(), account.createdAt(), account.updatedAt());
        }
    }

    record Page(List<UserSummary> content, int page, int size, long totalElements, long totalPages) {
    }
}
