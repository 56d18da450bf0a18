--liquibase formatted sql

--changeset latchkey:006-grant-created-at
-- When a grant (a "session" as users see it) began. Spring's JDBC service names its
-- columns on insert, so the default fills this in.
ALTER TABLE oauth2_authorization ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();
