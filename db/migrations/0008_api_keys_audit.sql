-- The REST API's keys and audit log (src/Silo/Security, src/Silo/Api/Audit; src/Silo/Api/API.md).
--
-- api_keys: one row per key. The key itself is never stored: key_hash is its SHA-256 (the key is 256 random bits, so
-- a plain hash cannot be reversed by guessing), unique so a request's key is found by one index probe. A revoked key
-- keeps its row (revoked_at set) so the audit log can still name it. role is viewer, operator or admin.
CREATE TABLE IF NOT EXISTS api_keys (
    id          text        NOT NULL,
    name        text        NOT NULL,
    role        text        NOT NULL,
    key_hash    bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz NULL,
    CONSTRAINT api_keys_pkey PRIMARY KEY (id),
    CONSTRAINT api_keys_hash_length CHECK (octet_length(key_hash) = 32)
);

CREATE UNIQUE INDEX IF NOT EXISTS api_keys_key_hash ON api_keys (key_hash);

-- api_audit: one row per mutating API call, whatever its outcome (status is the HTTP status answered). id orders the
-- rows and is the paging cursor (newest first); key_id and key_name are copied, not referenced, so the row outlives
-- any change to the key. route is the endpoint's pattern, target the values it was called with.
CREATE TABLE IF NOT EXISTS api_audit (
    id              bigint      GENERATED ALWAYS AS IDENTITY,
    at              timestamptz NOT NULL,
    key_id          text        NULL,
    key_name        text        NULL,
    method          text        NOT NULL,
    route           text        NOT NULL,
    target          text        NULL,
    status          integer     NOT NULL,
    remote_address  text        NULL,
    CONSTRAINT api_audit_pkey PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS api_audit_key ON api_audit (key_id, id DESC);
