--liquibase formatted sql

--changeset latchkey:005-audit-events
-- What happened, to whom, through which client and grant. Never secrets or tokens;
-- account_id is a bare UUID (no foreign key) so events outlive a deleted account
-- without keeping its personal data.
CREATE TABLE audit_events (
    id           bigserial    PRIMARY KEY,
    occurred_at  timestamptz  NOT NULL,
    type         text         NOT NULL,
    account_id   uuid,
    client_id    text,
    grant_id     text,
    detail       text
);
CREATE INDEX audit_events_account ON audit_events (account_id, occurred_at);
CREATE INDEX audit_events_type ON audit_events (type, occurred_at);
