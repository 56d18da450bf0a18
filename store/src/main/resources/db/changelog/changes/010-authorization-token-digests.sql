--liquibase formatted sql

--changeset latchkey:010-authorization-token-digests
-- Grant rows keep a digest of each token instead of the token (TokenDigests): '{sha256}'
-- and the unpadded base64url SHA-256 of its UTF-8 bytes. Rows written before this change
-- get theirs here, so their tokens keep working and the database stops holding them.
UPDATE oauth2_authorization SET
    state = CASE WHEN state IS NULL OR state LIKE '{sha256}%' THEN state
        ELSE '{sha256}' || rtrim(translate(encode(sha256(convert_to(state, 'UTF8')), 'base64'), '+/', '-_'), '=') END,
    authorization_code_value = CASE WHEN authorization_code_value IS NULL OR authorization_code_value LIKE '{sha256}%' THEN authorization_code_value
        ELSE '{sha256}' || rtrim(translate(encode(sha256(convert_to(authorization_code_value, 'UTF8')), 'base64'), '+/', '-_'), '=') END,
    access_token_value = CASE WHEN access_token_value IS NULL OR access_token_value LIKE '{sha256}%' THEN access_token_value
        ELSE '{sha256}' || rtrim(translate(encode(sha256(convert_to(access_token_value, 'UTF8')), 'base64'), '+/', '-_'), '=') END,
    oidc_id_token_value = CASE WHEN oidc_id_token_value IS NULL OR oidc_id_token_value LIKE '{sha256}%' THEN oidc_id_token_value
        ELSE '{sha256}' || rtrim(translate(encode(sha256(convert_to(oidc_id_token_value, 'UTF8')), 'base64'), '+/', '-_'), '=') END,
    refresh_token_value = CASE WHEN refresh_token_value IS NULL OR refresh_token_value LIKE '{sha256}%' THEN refresh_token_value
        ELSE '{sha256}' || rtrim(translate(encode(sha256(convert_to(refresh_token_value, 'UTF8')), 'base64'), '+/', '-_'), '=') END,
    user_code_value = CASE WHEN user_code_value IS NULL OR user_code_value LIKE '{sha256}%' THEN user_code_value
        ELSE '{sha256}' || rtrim(translate(encode(sha256(convert_to(user_code_value, 'UTF8')), 'base64'), '+/', '-_'), '=') END,
    device_code_value = CASE WHEN device_code_value IS NULL OR device_code_value LIKE '{sha256}%' THEN device_code_value
        ELSE '{sha256}' || rtrim(translate(encode(sha256(convert_to(device_code_value, 'UTF8')), 'base64'), '+/', '-_'), '=') END;
