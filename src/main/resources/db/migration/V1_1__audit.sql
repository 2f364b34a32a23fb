-- The append-only, hash-chained trail of every touch of personal data (DESIGN.md, rules).
CREATE TABLE audit_entries (
    sequence      BIGINT       PRIMARY KEY,
    at            TIMESTAMPTZ  NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    actor_id      VARCHAR(12),
    actor_name    VARCHAR(512),
    subject_iin   VARCHAR(12),
    request_id    UUID,
    outcome       VARCHAR(64)  NOT NULL,
    previous_hash BYTEA        NOT NULL,
    hash          BYTEA        NOT NULL
);
CREATE INDEX audit_entries_subject ON audit_entries (subject_iin, sequence DESC);
CREATE INDEX audit_entries_request ON audit_entries (request_id);

-- The chain's head: one row, locked by every append so that entries are chained one after another.
CREATE TABLE audit_head (
    id       INT    PRIMARY KEY CHECK (id = 1),
    sequence BIGINT NOT NULL,
    hash     BYTEA  NOT NULL
);
INSERT INTO audit_head VALUES (1, 0, decode(repeat('00', 32), 'hex'));

CREATE FUNCTION audit_entries_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_entries_append_only
    BEFORE UPDATE OR DELETE ON audit_entries
    FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
