--liquibase formatted sql

--changeset latchkey:012-password-reset-tokens
-- Single-use password reset links: the SHA-256 digest of the token (never the token), whose
-- account, until when it works, and when it was used.
CREATE TABLE password_reset_tokens (
    digest     VARCHAR(64) PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX password_reset_tokens_account ON password_reset_tokens (account_id);
