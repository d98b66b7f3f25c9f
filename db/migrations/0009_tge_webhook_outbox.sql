-- The TGE webhook outbox (src/Grains/Tge/Alerts, EVENTS.md "Webhooks"): one row per notice and webhook, written by
-- the alert grain before tge.events acknowledges the notice, and sent by whichever silo claims it.
--
-- webhook is the receiver's URL as configured (every silo carries the same Tge:Webhooks list; the secret is never
-- stored, a silo signs with its own copy). body is the exact JSON text that is POSTed and signed. state: 0 pending,
-- 2 given up (MaxAttempts tries failed), 3 refused (4xx or a redirect); a delivered row is deleted. A silo claims
-- pending rows whose next_attempt_at has come and whose lease is free or expired, with FOR UPDATE SKIP LOCKED, by
-- setting lease_owner and lease_expires_at; one claim is one try, whose outcome is written back only while the
-- lease is still the claimer's. A dead silo's leases simply expire and the rows go to another silo. A row is not
-- claimed while an earlier row (smaller id) of the same webhook and token slug is pending, so one event's notices
-- arrive in order; ids follow insert order because the alert grain inserts one event's notices one after another.
-- The unique key makes a notice written twice (a stream redelivery) one row.
CREATE TABLE IF NOT EXISTS tge_webhook_outbox (
    id                bigint      GENERATED ALWAYS AS IDENTITY,
    webhook           text        NOT NULL,
    token_slug        text        COLLATE "C" NOT NULL,
    version           integer     NOT NULL,
    change            smallint    NOT NULL,
    body              text        NOT NULL,
    created_at        timestamptz NOT NULL,
    state             smallint    NOT NULL DEFAULT 0,
    attempts          integer     NOT NULL DEFAULT 0,
    next_attempt_at   timestamptz NOT NULL,
    lease_owner       text        NULL,
    lease_expires_at  timestamptz NULL,
    last_status       integer     NULL,
    last_error        text        NULL,
    finished_at       timestamptz NULL,
    CONSTRAINT tge_webhook_outbox_pkey PRIMARY KEY (id),
    CONSTRAINT tge_webhook_outbox_notice UNIQUE (webhook, token_slug, version),
    CONSTRAINT tge_webhook_outbox_state_known CHECK (state IN (0, 2, 3)),
    CONSTRAINT tge_webhook_outbox_attempts CHECK (attempts >= 0)
);

-- The claim: a webhook's pending rows in id order ...
CREATE INDEX IF NOT EXISTS tge_webhook_outbox_pending ON tge_webhook_outbox (webhook, id) WHERE state = 0;

-- ... and its probe for an earlier pending row of the same token slug.
CREATE INDEX IF NOT EXISTS tge_webhook_outbox_pending_slug ON tge_webhook_outbox (webhook, token_slug, id) WHERE state = 0;

-- Operators: what was given up or refused, newest first.
CREATE INDEX IF NOT EXISTS tge_webhook_outbox_finished ON tge_webhook_outbox (finished_at DESC) WHERE state <> 0;
