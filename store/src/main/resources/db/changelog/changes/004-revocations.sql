--liquibase formatted sql

--changeset latchkey:004-revocations
-- The truth of every denial; Redis holds a copy for the per-request check and is
-- re-filled from here whenever it comes back empty.
--   kind 'token': value is an access token's jti
--   kind 'grant': value is an authorization (grant) id, the tokens' sid
--   kind 'user' : value is an account id; tokens issued before not_before are denied
CREATE TABLE revocations (
    kind        text        NOT NULL CHECK (kind IN ('token', 'grant', 'user')),
    value       text        NOT NULL,
    not_before  timestamptz,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (kind, value)
);
CREATE INDEX revocations_expires_at ON revocations (expires_at);

--changeset latchkey:004-rotated-refresh-tokens
-- Refresh tokens that were rotated out, by SHA-256 hash, so that presenting one
-- again is recognised as reuse and kills its grant (RFC 9700 section 4.14).
CREATE TABLE rotated_refresh_tokens (
    token_hash        text        PRIMARY KEY,
    authorization_id  varchar(100) NOT NULL,
    expires_at        timestamptz NOT NULL
);
CREATE INDEX rotated_refresh_tokens_expires_at ON rotated_refresh_tokens (expires_at);

--changeset latchkey:004-authorization-token-indexes
-- Spring's JDBC schema has no index on token values: every lookup by token would
-- scan the table. Hash indexes serve the equality lookups it makes.
CREATE INDEX oauth2_authorization_refresh_token ON oauth2_authorization USING hash (refresh_token_value);
CREATE INDEX oauth2_authorization_access_token ON oauth2_authorization USING hash (access_token_value);
CREATE INDEX oauth2_authorization_code ON oauth2_authorization USING hash (authorization_code_value);
CREATE INDEX oauth2_authorization_state ON oauth2_authorization USING hash (state);
