-- Grain state: one row per (service, grain type, grain key, state name). The grain type is part of the key so
-- two grain types with the same key never share a record.
--
-- The payload is either JSON (jsonb, readable and queryable in psql) or the runtime's binary format (bytea);
-- exactly one of the two is set, so a provider can switch formats and still read rows written in the other.
--
-- version is the ETag: 1 on insert, +1 on every update, and every update and delete is conditional on it
-- (optimistic concurrency). A cleared state is deleted, so a later write starts again from an insert.
CREATE TABLE IF NOT EXISTS grain_storage (
    service_id      text        NOT NULL,
    grain_type      text        NOT NULL,
    grain_key       text        NOT NULL,
    state_name      text        NOT NULL,
    payload_json    jsonb,
    payload_binary  bytea,
    version         bigint      NOT NULL,
    modified_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT grain_storage_pkey PRIMARY KEY (service_id, grain_type, grain_key, state_name),
    CONSTRAINT grain_storage_one_payload CHECK (num_nonnulls(payload_json, payload_binary) = 1),
    CONSTRAINT grain_storage_version_positive CHECK (version > 0)
);
