--liquibase formatted sql

--changeset latchkey:013-email-verification
-- Whether the account's owner proved they receive mail at its address. Accounts made before
-- this change never did, so they start unverified.
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT false;

-- Confirmation links: the SHA-256 digest of the token (never the token), whose account, the
-- address it confirms and what for ('verify' the account's address, or 'change' to it), until
-- when it works, and when it was used.
CREATE TABLE email_confirmations (
    digest     VARCHAR(64) PRIMARY KEY,
    account_id UUID        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email      TEXT        NOT NULL,
    purpose    VARCHAR(16) NOT NULL CHECK (purpose IN ('verify', 'change')),
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX email_confirmations_account ON email_confirmations (account_id);

-- The account a mail is about, where its recipient is not (or no longer) the account's address.
ALTER TABLE mail_outbox ADD COLUMN account_id UUID;
