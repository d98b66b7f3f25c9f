namespace TgeSwarm.Runtime.Postgres.Streams;

/// <summary>
/// The queue store's statements: constant text with positional parameters, so Npgsql auto-prepares them. $1 and
/// $2 are always the service id and the provider; $3 is the queue id where there is one.
/// </summary>
internal static class StreamQueueSql
{
    private const string Queue = "service_id = $1 AND provider = $2 AND queue_id = $3";

    // Moves the queue's next_seq on by $4 and yields the first of the $4 seqs taken, holding the head row's lock
    // until the statement's transaction ends.
    private const string TakeSeqs =
        "INSERT INTO stream_queue_head AS h (service_id, provider, queue_id, next_seq) VALUES ($1, $2, $3, 1 + $4) " +
        "ON CONFLICT (service_id, provider, queue_id) DO UPDATE SET next_seq = h.next_seq + $4 " +
        "RETURNING h.next_seq - $4 AS first_seq";

    // One statement, hence one transaction: the head upsert moves next_seq on by $4 rows under the head row's lock,
    // which is held to commit, and the rows take the seqs it handed out (first_seq .. first_seq + $4 - 1, in array
    // order). Why this keeps a queue's committed seqs free of holes is in db/migrations/0005_streams.sql. The head
    // is upserted rather than created up front so a queue needs no set-up and a new provider just works.
    public const string Enqueue =
        "WITH head AS (" + TakeSeqs + "), " +
        "inserted AS (" +
        " INSERT INTO stream_queue (service_id, provider, queue_id, seq, stream_namespace, stream_key, event_count, enqueued_at, payload)" +
        " SELECT $1, $2, $3, head.first_seq + b.ord - 1, b.ns, b.key, b.events, $9, b.payload" +
        " FROM head CROSS JOIN unnest($5::text[], $6::text[], $7::integer[], $8::bytea[]) WITH ORDINALITY AS b(ns, key, events, payload, ord)) " +
        "SELECT first_seq FROM head";

    // The same for one row, the common case (one producer call, one batch): plain parameters instead of arrays,
    // which spares the server building and unnesting a bytea array around the payload (about 1.3x the rows per
    // second of the array form for one 6.4 kB row).
    public const string EnqueueOne =
        "WITH head AS (" + TakeSeqs + ") " +
        "INSERT INTO stream_queue (service_id, provider, queue_id, seq, stream_namespace, stream_key, event_count, enqueued_at, payload) " +
        "SELECT $1, $2, $3, head.first_seq, $5, $6, $7, $9, $8 FROM head RETURNING seq";

    public const string Read =
        "SELECT seq, stream_namespace, stream_key, event_count, enqueued_at, payload FROM stream_queue " +
        "WHERE " + Queue + " AND seq > $4 ORDER BY seq LIMIT $5";

    public const string ReadStream =
        "SELECT seq, stream_namespace, stream_key, event_count, enqueued_at, payload FROM stream_queue " +
        "WHERE " + Queue + " AND stream_namespace = $4 AND stream_key = $5 AND seq >= $6 ORDER BY seq LIMIT $7";

    public const string Head = "SELECT next_seq - 1 FROM stream_queue_head WHERE " + Queue;

    public const string Checkpoint = "SELECT acked_seq FROM stream_queue_checkpoint WHERE " + Queue;

    // GREATEST keeps the checkpoint from moving back when two agents of one queue overlap during a hand-over. The
    // guard refuses a checkpoint past the head (it would skip rows not yet written): the head read here is a
    // committed value, and every seq below a committed next_seq is a committed row.
    public const string SaveCheckpoint =
        "INSERT INTO stream_queue_checkpoint AS c (service_id, provider, queue_id, acked_seq, updated_at) " +
        "SELECT $1, $2, $3, $4, $5 " +
        "WHERE $4 < COALESCE((SELECT next_seq FROM stream_queue_head WHERE " + Queue + "), 1) " +
        "ON CONFLICT (service_id, provider, queue_id) DO UPDATE " +
        "SET acked_seq = GREATEST(c.acked_seq, EXCLUDED.acked_seq), updated_at = EXCLUDED.updated_at " +
        "RETURNING acked_seq";

    public const string Queues =
        "SELECT h.queue_id, h.next_seq - 1, COALESCE(c.acked_seq, 0), COALESCE(c.trimmed_seq, 0) " +
        "FROM stream_queue_head h LEFT JOIN stream_queue_checkpoint c " +
        "ON c.service_id = h.service_id AND c.provider = h.provider AND c.queue_id = h.queue_id " +
        "WHERE h.service_id = $1 AND h.provider = $2 ORDER BY h.queue_id";

    // Many subscriptions in one statement. A subscription's delivered seq only moves forward within its queue (an
    // agent that lost the queue may still write a stale position); a changed queue id (the queue count changed)
    // starts a new position.
    public const string SaveProgress =
        "INSERT INTO stream_subscription_progress AS p " +
        "(service_id, provider, subscription_id, queue_id, stream_namespace, stream_key, delivered_seq, updated_at) " +
        "SELECT $1, $2, s.id, s.queue_id, s.ns, s.key, s.delivered, $8 " +
        "FROM unnest($3::uuid[], $4::integer[], $5::text[], $6::text[], $7::bigint[]) AS s(id, queue_id, ns, key, delivered) " +
        "ON CONFLICT (service_id, provider, subscription_id) DO UPDATE SET " +
        "delivered_seq = CASE WHEN p.queue_id = EXCLUDED.queue_id THEN GREATEST(p.delivered_seq, EXCLUDED.delivered_seq) " +
        "ELSE EXCLUDED.delivered_seq END, " +
        "queue_id = EXCLUDED.queue_id, stream_namespace = EXCLUDED.stream_namespace, stream_key = EXCLUDED.stream_key, " +
        "updated_at = EXCLUDED.updated_at";

    public const string DeleteProgress =
        "DELETE FROM stream_subscription_progress WHERE service_id = $1 AND provider = $2 AND subscription_id = $3";

    // Per subscription: the queue's head against what it was given, and what is still waiting in its own stream
    // (an index-only scan of stream_queue_stream_idx, so its cost grows with that stream's backlog alone).
    public const string Lag =
        "SELECT p.subscription_id, p.queue_id, p.stream_namespace, p.stream_key, p.delivered_seq, p.updated_at, " +
        "COALESCE(h.next_seq - 1, 0), w.pending_rows, w.pending_events " +
        "FROM stream_subscription_progress p " +
        "LEFT JOIN stream_queue_head h ON h.service_id = p.service_id AND h.provider = p.provider AND h.queue_id = p.queue_id " +
        "CROSS JOIN LATERAL (SELECT count(*) AS pending_rows, COALESCE(sum(q.event_count), 0)::bigint AS pending_events FROM stream_queue q " +
        " WHERE q.service_id = p.service_id AND q.provider = p.provider AND q.queue_id = p.queue_id " +
        " AND q.stream_namespace = p.stream_namespace AND q.stream_key = p.stream_key AND q.seq > p.delivered_seq) w " +
        "WHERE p.service_id = $1 AND p.provider = $2 ORDER BY p.subscription_id";

    // A second failure of the same event by the same subscription (after a crash before the checkpoint) updates
    // the row it already has: attempts add up, the latest error and time win.
    public const string DeadLetter =
        "INSERT INTO stream_dead_letter AS d (service_id, provider, queue_id, seq, event_index, stream_namespace, stream_key, " +
        "subscription_id, consumer, event_count, attempts, last_error, dead_at, payload) " +
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) " +
        "ON CONFLICT (service_id, provider, subscription_id, queue_id, seq, event_index) DO UPDATE SET " +
        "attempts = d.attempts + EXCLUDED.attempts, last_error = EXCLUDED.last_error, dead_at = EXCLUDED.dead_at, " +
        "consumer = EXCLUDED.consumer, payload = EXCLUDED.payload " +
        "RETURNING id";

    public const string ReadDeadLetters =
        "SELECT id, queue_id, seq, event_index, stream_namespace, stream_key, subscription_id, consumer, event_count, attempts, " +
        "last_error, dead_at, payload FROM stream_dead_letter " +
        "WHERE service_id = $1 AND provider = $2 AND id > $3 ORDER BY id LIMIT $4";

    public const string DeleteDeadLetter = "DELETE FROM stream_dead_letter WHERE service_id = $1 AND provider = $2 AND id = $3";

    // Retention: at most $6 rows that are both acknowledged (at or below the checkpoint, read in the same statement)
    // and enqueued before $4, never above $5 (LEAST ignores nulls, hence the COALESCE: no checkpoint means nothing
    // is acknowledged). The checkpoint row records the highest seq deleted so far.
    public const string Trim =
        "WITH doomed AS (" +
        " DELETE FROM stream_queue WHERE " + Queue + " AND seq IN (" +
        "  SELECT q.seq FROM stream_queue q WHERE q.service_id = $1 AND q.provider = $2 AND q.queue_id = $3" +
        "  AND q.seq <= LEAST($5, COALESCE((SELECT c.acked_seq FROM stream_queue_checkpoint c WHERE c.service_id = $1 AND c.provider = $2 AND c.queue_id = $3), 0))" +
        "  AND q.enqueued_at < $4 ORDER BY q.seq LIMIT $6)" +
        " RETURNING seq), " +
        "marked AS (" +
        " UPDATE stream_queue_checkpoint SET trimmed_seq = GREATEST(trimmed_seq, (SELECT max(seq) FROM doomed)) " +
        " WHERE " + Queue + " AND EXISTS (SELECT 1 FROM doomed)) " +
        "SELECT count(*) FROM doomed";
}
