--liquibase formatted sql

--changeset latchkey:009-signing-keys-signs-from
-- A scheduled rotation publishes the new key before it signs (latchkey.keys.publish-ahead),
-- so every instance and every resource server's JWKS cache knows its kid before a token
-- carries it. Keys made before this signed from the moment they were made.
ALTER TABLE signing_keys ADD COLUMN signs_from timestamptz;
UPDATE signing_keys SET signs_from = created_at;
ALTER TABLE signing_keys ALTER COLUMN signs_from SET NOT NULL;
