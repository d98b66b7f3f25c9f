-- Cluster membership: one version row per cluster and one row per silo life (endpoint + generation).
--
-- Every change of a member row is one statement that first moves the cluster's version from v - 1 to v (a
-- compare-and-swap under the version row's lock) and touches the member row only if that succeeded, so of two
-- silos writing with the same version exactly one wins. A member row's etag is the table version that last
-- inserted or updated it, so it never repeats for a row. IAmAlive writes touch i_am_alive_time alone: no
-- version, no etag, no notification. Each change also sends pg_notify('swarm_membership', '<cluster id>:<version>').
--
-- Times are timestamptz (whole microseconds, UTC). suspect_times is a JSON array of {"voter": "S<ip>:<port>:<gen>",
-- "time": "<ISO 8601 UTC>"} in vote order. status is the SiloStatus number (3 Active, 6 Dead, ...).
CREATE TABLE IF NOT EXISTS swarm_membership_version (
    cluster_id  text        PRIMARY KEY,
    version     integer     NOT NULL DEFAULT 0,
    changed_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT swarm_membership_version_not_negative CHECK (version >= 0)
);

CREATE TABLE IF NOT EXISTS swarm_membership (
    cluster_id       text        NOT NULL,
    address          text        NOT NULL,
    port             integer     NOT NULL,
    generation       integer     NOT NULL,
    silo_name        text        NOT NULL,
    host_name        text        NOT NULL,
    status           smallint    NOT NULL,
    proxy_port       integer     NOT NULL,
    start_time       timestamptz NOT NULL,
    i_am_alive_time  timestamptz NOT NULL,
    suspect_times    jsonb       NOT NULL DEFAULT '[]',
    death_reason     text        NOT NULL DEFAULT '',
    etag             integer     NOT NULL,
    CONSTRAINT swarm_membership_pkey PRIMARY KEY (cluster_id, address, port, generation)
);
