--liquibase formatted sql

--changeset latchkey:011-mail-outbox
-- Mail to send, written in the transaction of what caused it and sent off the request thread
-- (auth-server's OutboxSender). A row holds what to send and to whom, never a link or token:
-- those are made when the mail is sent, so the database holds only their digests.
CREATE TABLE mail_outbox (
    id              BIGSERIAL PRIMARY KEY,
    kind            VARCHAR(64)  NOT NULL,
    recipient       VARCHAR(320) NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    sent_at         TIMESTAMPTZ,
    given_up_at     TIMESTAMPTZ,
    last_error      VARCHAR(500)
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND given_up_at IS NULL;
