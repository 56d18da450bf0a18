package io.latchkey.store.account;

import java.util.Locale;
import java.util.Optional;

/** The orders an account list can have; only these reach SQL, so a sort parameter cannot inject any. */
public enum AccountSort {

    CREATED_AT_ASC("created_at ASC"), CREATED_AT_DESC("created_at DESC"),
    EMAIL_ASC("email ASC"), EMAIL_DESC("email DESC"),
    NAME_ASC("name ASC"), NAME_DESC("name DESC");

    private final String orderBy;

    AccountSort(String orderBy) {
        this.orderBy = orderBy;
    }

    String orderBy() {
        return this.orderBy;
    }

    /** Parses {@code createdAt,desc} / {@code email} / {@code name,asc}. */
    public static Optional<AccountSort> parse(String sort) {
        String[] parts = sort.split(",", 2);
        String field = switch (parts[0].strip()) {
            case "createdAt" -> "CREATED_AT";
            case "email" -> "EMAIL";
            case "name" -> "NAME";
            default -> null;
        };
        String direction = parts.length > 1 ? parts[1].strip().toUpperCase(Locale.ROOT) : "ASC";
        if (field == null || !(direction.equals("ASC") || direction.equals("DESC"))) {
            return Optional.empty();
        }
        return Optional.of(valueOf(field + "_" + direction));
    }
}
