--liquibase formatted sql

--changeset latchkey:008-authorization-rows-inline
-- A grant row (two tokens, their metadata and the attributes as JSON) is about 2 KB, just
-- over PostgreSQL's default toast_tuple_target (2032 bytes): past it, every insert and
-- update compresses the largest values or moves them out of line, and every read
-- decompresses them again. A refresh rewrites the row each time. Up to 8160 bytes the row
-- stays inline, uncompressed; larger ones are still toasted as before.
ALTER TABLE oauth2_authorization SET (toast_tuple_target = 8160);
