-- PostgreSQL stream queues. Everything is keyed by (service_id, provider): several services and several stream
-- providers share the tables. A provider's streams are spread over a fixed number of queues (queue_id, by a
-- stable hash of the stream id); each queue is an ordered log of rows, each row a batch of events of ONE stream
-- serialized by the caller.
--
-- Queue partitioning is by key, not by PostgreSQL declarative partitions: queue_id leads the primary key after the
-- service and provider, so each queue is one contiguous b-tree range, appends of different queues touch different
-- leaf pages, and reads and trims are range scans. Declarative partitions were rejected: the queue count is a
-- runtime option that the partitions could not follow, and retention deletes by seq range, not by dropping a
-- partition.
--
-- seq is allocated in commit order from the queue's head row (stream_queue_head.next_seq), never from a sequence:
-- see the comment on that table.

-- One row per queue: the next seq to hand out. An enqueue is ONE statement that moves next_seq on by the number
-- of rows it inserts and inserts those rows (PostgresStreamQueueStore.Enqueue). Why this never lets a reader skip
-- a committed row:
--   * The update takes the head row's lock and keeps it until the enqueue's transaction ends. A second enqueue of
--     the same queue blocks on that lock and only then reads next_seq, so it gets seqs above the first's only
--     after the first has committed, and if the first rolled back, its update of next_seq is undone with its
--     rows and the second reuses the same seqs: there is no hole to skip.
--   * PostgreSQL makes a committing transaction visible to new snapshots before it releases its locks, so any
--     snapshot that sees a row of the second enqueue also sees every row of the first.
-- Hence the committed rows of a queue are always exactly the seqs 1 .. k for some k, in every snapshot, and a
-- reader that has read every row up to n and checkpointed n will find any later row above n. A bigserial would
-- not do: two inserts can draw 5 and 6, 6 commits first, a reader reads 6 and checkpoints past 5, then 5 commits
-- behind its back. The cost is that enqueues of one queue commit one at a time; they are one short statement
-- each, and batches of events per row keep the statement count low.
-- fillfactor leaves room for the updated version of the row on its own page (a HOT update, no index write).
CREATE TABLE IF NOT EXISTS stream_queue_head (
    service_id  text    NOT NULL,
    provider    text    NOT NULL,
    queue_id    integer NOT NULL,
    next_seq    bigint  NOT NULL,
    CONSTRAINT stream_queue_head_pkey PRIMARY KEY (service_id, provider, queue_id),
    CONSTRAINT stream_queue_head_next_seq_positive CHECK (next_seq > 0)
) WITH (fillfactor = 50);

-- The rows of every queue. seq starts at 1 per queue and has no holes (see stream_queue_head). enqueued_at is
-- the enqueuing silo's clock; retention compares it with the trimming silo's clock.
CREATE TABLE IF NOT EXISTS stream_queue (
    service_id        text        NOT NULL,
    provider          text        NOT NULL,
    queue_id          integer     NOT NULL,
    seq               bigint      NOT NULL,
    stream_namespace  text        NOT NULL,
    stream_key        text        NOT NULL,
    event_count       integer     NOT NULL,
    enqueued_at       timestamptz NOT NULL,
    payload           bytea       NOT NULL,
    CONSTRAINT stream_queue_pkey PRIMARY KEY (service_id, provider, queue_id, seq),
    CONSTRAINT stream_queue_event_count_positive CHECK (event_count > 0)
);

-- Rewind (the rows of one stream from a seq on) and the per-subscription lag in events: both are range scans of
-- one stream in one queue. event_count is included so the lag sum is an index-only scan.
CREATE INDEX IF NOT EXISTS stream_queue_stream_idx
    ON stream_queue (service_id, provider, queue_id, stream_namespace, stream_key, seq) INCLUDE (event_count);

-- How far a queue has been consumed: every row with seq <= acked_seq has been delivered to every subscription
-- (or dead-lettered). It only moves forward and never past the head. trimmed_seq is the highest seq retention has
-- deleted, so a rewind to a seq at or below it knows that history may be incomplete.
CREATE TABLE IF NOT EXISTS stream_queue_checkpoint (
    service_id   text        NOT NULL,
    provider     text        NOT NULL,
    queue_id     integer     NOT NULL,
    acked_seq    bigint      NOT NULL DEFAULT 0,
    trimmed_seq  bigint      NOT NULL DEFAULT 0,
    updated_at   timestamptz NOT NULL,
    CONSTRAINT stream_queue_checkpoint_pkey PRIMARY KEY (service_id, provider, queue_id),
    CONSTRAINT stream_queue_checkpoint_not_negative CHECK (acked_seq >= 0 AND trimmed_seq >= 0)
);

-- The last seq delivered to each subscription, for its lag (head - delivered) and so a moved pulling agent can
-- tell what each subscription has already seen. One row per subscription; a subscription's stream maps to one
-- queue, which is recorded so the lag query needs no mapper.
CREATE TABLE IF NOT EXISTS stream_subscription_progress (
    service_id        text        NOT NULL,
    provider          text        NOT NULL,
    subscription_id   uuid        NOT NULL,
    queue_id          integer     NOT NULL,
    stream_namespace  text        NOT NULL,
    stream_key        text        NOT NULL,
    delivered_seq     bigint      NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT stream_subscription_progress_pkey PRIMARY KEY (service_id, provider, subscription_id),
    CONSTRAINT stream_subscription_progress_not_negative CHECK (delivered_seq >= 0)
);

-- Events a consumer kept failing on, taken out of the way so the subscription's next event can be delivered.
-- One row per (subscription, queue row, event within the row): an agent that dead-letters an event, dies before
-- its checkpoint and fails the event again on another silo updates the same row instead of adding a second one.
CREATE TABLE IF NOT EXISTS stream_dead_letter (
    id                bigint      GENERATED ALWAYS AS IDENTITY,
    service_id        text        NOT NULL,
    provider          text        NOT NULL,
    queue_id          integer     NOT NULL,
    seq               bigint      NOT NULL,
    event_index       integer     NOT NULL,
    stream_namespace  text        NOT NULL,
    stream_key        text        NOT NULL,
    subscription_id   uuid        NOT NULL,
    consumer          text        NOT NULL,
    event_count       integer     NOT NULL,
    attempts          integer     NOT NULL,
    last_error        text        NOT NULL,
    dead_at           timestamptz NOT NULL,
    payload           bytea       NOT NULL,
    CONSTRAINT stream_dead_letter_pkey PRIMARY KEY (id),
    CONSTRAINT stream_dead_letter_event_key UNIQUE (service_id, provider, subscription_id, queue_id, seq, event_index)
);

CREATE INDEX IF NOT EXISTS stream_dead_letter_provider_idx ON stream_dead_letter (service_id, provider, id);
