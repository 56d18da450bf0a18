--liquibase formatted sql

--changeset latchkey:001-users
CREATE TABLE users (
    id            uuid        PRIMARY KEY,
    email         text        NOT NULL,
    name          text        NOT NULL,
    password_hash text        NOT NULL,
    role          text        NOT NULL DEFAULT 'user',
    enabled       boolean     NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    CONSTRAINT users_email_lower_case CHECK (email = lower(email)),
    CONSTRAINT users_role_known CHECK (role IN ('user', 'admin'))
);
-- NOTE: uniqueness is enforced here, not by a check-then-insert in code, so
-- concurrent sign-ups of one email cannot both succeed.
CREATE UNIQUE INDEX users_email_unique ON users (email);
--rollback DROP TABLE users;
