--liquibase formatted sql

--changeset latchkey:007-authorization-remaining-token-indexes
-- A lookup by token without its type (introspection or revocation without a
-- token_type_hint) asks every token column at once: state, code, access, ID, refresh,
-- user code, device code. 004 indexed four of them; with one column unindexed,
-- PostgreSQL must scan the whole table. These three complete the set, so the lookup
-- is a union of index probes whatever the number of grants.
CREATE INDEX oauth2_authorization_oidc_id_token ON oauth2_authorization USING hash (oidc_id_token_value);
CREATE INDEX oauth2_authorization_user_code ON oauth2_authorization USING hash (user_code_value);
CREATE INDEX oauth2_authorization_device_code ON oauth2_authorization USING hash (device_code_value);
