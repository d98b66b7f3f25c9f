-- TGE event records (src/Grains/Tge/Events, EVENTS.md): one row per token slug, written by the token's event grain
-- on every change and paged through by the API.
--
-- The query fields are columns; the sightings (every source that reported the event, with its times) are one jsonb
-- array, read and written whole with the row. A save replaces the row only when its version is newer
-- (INSERT .. ON CONFLICT .. WHERE tge_events.version < EXCLUDED.version), so a retried or late save never moves a
-- record back. kind is the TgeKind number (1 listing, 2 launchpool, 3 launchpad, 4 megadrop, 5 airdrop, 6 tge,
-- 7 sale). token_slug sorts bytewise (COLLATE "C"): pages are ordered and keyed by (first_seen_at, token_slug),
-- and that order must not depend on the server's locale.
CREATE TABLE IF NOT EXISTS tge_events (
    token_slug     text COLLATE "C" NOT NULL,
    symbol         text             NULL,
    name           text             NULL,
    kind           smallint         NOT NULL,
    venue          text             NULL,
    event_time     timestamptz      NULL,
    confidence     double precision NOT NULL,
    title          text             NOT NULL,
    first_seen_at  timestamptz      NOT NULL,
    updated_at     timestamptz      NOT NULL,
    version        integer          NOT NULL,
    sightings      jsonb            NOT NULL,
    CONSTRAINT tge_events_pkey PRIMARY KEY (token_slug),
    CONSTRAINT tge_events_kind_known CHECK (kind BETWEEN 1 AND 7),
    CONSTRAINT tge_events_confidence_range CHECK (confidence >= 0 AND confidence <= 1),
    CONSTRAINT tge_events_version_positive CHECK (version >= 1),
    CONSTRAINT tge_events_sightings_array CHECK (jsonb_typeof(sightings) = 'array')
);

-- Pages: newest first, keyset on (first_seen_at, token_slug); a time range is a range scan of this index.
CREATE INDEX IF NOT EXISTS tge_events_first_seen ON tge_events (first_seen_at DESC, token_slug DESC);

-- "Only this kind", in page order.
CREATE INDEX IF NOT EXISTS tge_events_kind_first_seen ON tge_events (kind, first_seen_at DESC, token_slug DESC);

-- "At least this confident": a range on confidence, then the page order among the matches.
CREATE INDEX IF NOT EXISTS tge_events_confidence ON tge_events (confidence DESC, first_seen_at DESC);

-- "Only this token" by symbol, case-insensitively (the slug is the primary key).
CREATE INDEX IF NOT EXISTS tge_events_symbol ON tge_events (lower(symbol));
