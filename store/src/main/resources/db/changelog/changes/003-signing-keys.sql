--liquibase formatted sql

--changeset latchkey:003-signing-keys
-- One row per JWT signing key. The private key is stored encrypted
-- (AES-256-GCM, key derived from latchkey.keys.encryption-secret); the public
-- part is a JWK so JWKS can be served without decrypting anything.
CREATE TABLE signing_keys (
    kid                text        PRIMARY KEY,
    algorithm          text        NOT NULL,
    public_jwk         text        NOT NULL,
    private_key        bytea       NOT NULL,
    encryption_salt    text        NOT NULL,
    created_at         timestamptz NOT NULL,
    retired_at         timestamptz,
    publish_until      timestamptz
);
CREATE INDEX signing_keys_created_at ON signing_keys (created_at DESC);
