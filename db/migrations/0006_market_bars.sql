-- Market history: closed OHLCV bars (src/Grains/Market/History), one row per (venue, instrument, interval, bucket).
--
-- Bars arrive in batches by binary COPY. COPY cannot skip rows that already exist (a bar published again after its
-- feature grain was reactivated), so a batch is copied into market_bars_staging under a batch id of its own, moved
-- with INSERT .. SELECT .. ON CONFLICT (the latest copy of a bar in a batch, by ordinal, wins), and deleted from staging, all in one transaction. Writers never share a batch
-- id, so they never touch each other's staging rows, and no session state (temporary tables) is left on the pooled
-- connection. The staging table is unlogged: its rows live for one transaction only.
--
-- open_time is the bucket start in UTC microseconds since the Unix epoch, as the pipeline keeps every time; prices
-- and sizes are numeric, as exact as the venues sent them.
CREATE TABLE IF NOT EXISTS market_bars (
    venue             text    NOT NULL,
    instrument        text    NOT NULL,
    interval_seconds  integer NOT NULL,
    open_time         bigint  NOT NULL,
    open              numeric NOT NULL,
    high              numeric NOT NULL,
    low               numeric NOT NULL,
    close             numeric NOT NULL,
    volume            numeric NOT NULL,
    quote_volume      numeric NOT NULL,
    trade_count       integer NOT NULL,
    recorded_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT market_bars_pkey PRIMARY KEY (venue, instrument, interval_seconds, open_time),
    CONSTRAINT market_bars_interval_positive CHECK (interval_seconds > 0),
    CONSTRAINT market_bars_range CHECK (low <= high)
);

-- Reads are "the recent bars of an instrument across venues".
CREATE INDEX IF NOT EXISTS market_bars_instrument_time ON market_bars (instrument, interval_seconds, open_time DESC);

CREATE UNLOGGED TABLE IF NOT EXISTS market_bars_staging (
    batch_id          uuid    NOT NULL,
    ordinal           integer NOT NULL,
    venue             text    NOT NULL,
    instrument        text    NOT NULL,
    interval_seconds  integer NOT NULL,
    open_time         bigint  NOT NULL,
    open              numeric NOT NULL,
    high              numeric NOT NULL,
    low               numeric NOT NULL,
    close             numeric NOT NULL,
    volume            numeric NOT NULL,
    quote_volume      numeric NOT NULL,
    trade_count       integer NOT NULL
);

CREATE INDEX IF NOT EXISTS market_bars_staging_batch ON market_bars_staging (batch_id);
