-- Which numbered scripts of db/migrations have been applied to this database, with the checksum of the text
-- that was applied. The migration runner reads it under an advisory lock and refuses to start when an applied
-- script has since changed: an applied migration is history, so a fix is a new numbered script.
--
-- Every migration is written to be idempotent (IF NOT EXISTS), so a database prepared by hand with psql is
-- adopted by the runner, which then only records the scripts.
CREATE TABLE IF NOT EXISTS schema_migrations (
    version     integer     PRIMARY KEY,
    name        text        NOT NULL,
    checksum    text        NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);
