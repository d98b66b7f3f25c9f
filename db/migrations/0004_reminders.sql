-- Reminders: one row per (service, grain, reminder name). grain_id is the grain's "type/key" text.
--
-- grain_hash is the grain's position on the silos' hash ring (GrainId.GetUniformHashCode, 0 .. 2^32 - 1): each silo
-- reads the rows of its share of the ring as ranges (begin, end] of it, so the index serves those range reads.
-- start_time is when the first tick is due, tick n at start_time + n * period; due_time is what the grain registered
-- with, so registering again with the same due time and period is recognised as the same schedule.
--
-- version is the ETag: every insert and update takes a new value from swarm_reminders_version, so a version never
-- repeats, even for a reminder removed and registered again, and a stale handle can never match. Updates and deletes
-- are conditional on it (optimistic concurrency). last_fired_at is the scheduled time of the last tick delivered,
-- written only under the catch-up missed-tick policy and without changing the version; a new schedule clears it.
CREATE SEQUENCE IF NOT EXISTS swarm_reminders_version;

CREATE TABLE IF NOT EXISTS swarm_reminders (
    service_id     text        NOT NULL,
    grain_id       text        NOT NULL,
    reminder_name  text        NOT NULL,
    grain_hash     bigint      NOT NULL,
    start_time     timestamptz NOT NULL,
    period         interval    NOT NULL,
    due_time       interval    NOT NULL,
    version        bigint      NOT NULL,
    last_fired_at  timestamptz,
    modified_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT swarm_reminders_pkey PRIMARY KEY (service_id, grain_id, reminder_name),
    CONSTRAINT swarm_reminders_hash_in_ring CHECK (grain_hash BETWEEN 0 AND 4294967295),
    CONSTRAINT swarm_reminders_period_positive CHECK (period > interval '0'),
    CONSTRAINT swarm_reminders_version_positive CHECK (version > 0)
);

CREATE INDEX IF NOT EXISTS swarm_reminders_by_hash ON swarm_reminders (service_id, grain_hash);
