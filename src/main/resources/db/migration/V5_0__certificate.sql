-- The certificate module's view of each request: who asked about whom, and where its issuance stands.
-- Filled from RequestStatusChanged; state WAITING until the user allows, then PENDING (queued for the worker),
-- ISSUED or FAILED.
CREATE TABLE certificate_issuance (
    request_id        UUID         PRIMARY KEY,
    certificate_type  VARCHAR(32)  NOT NULL,
    subject_iin       VARCHAR(12)  NOT NULL,
    requester_id      VARCHAR(12)  NOT NULL,
    requester_name    VARCHAR(512) NOT NULL,
    requester_legal   BOOLEAN      NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    approved_at       TIMESTAMPTZ,
    attempts          INT          NOT NULL DEFAULT 0,
    next_attempt_at   TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    CHECK (state IN ('WAITING', 'PENDING', 'ISSUED', 'FAILED'))
);
CREATE INDEX certificate_issuance_due ON certificate_issuance (next_attempt_at) WHERE state = 'PENDING';

-- Issued certificates: the sealed PDF exactly as handed out, and its SHA-256 for verification.
CREATE TABLE certificate_documents (
    request_id        UUID         PRIMARY KEY,
    document_number   VARCHAR(17)  NOT NULL UNIQUE,
    certificate_type  VARCHAR(32)  NOT NULL,
    requester_id      VARCHAR(12)  NOT NULL,
    requester_name    VARCHAR(512) NOT NULL,
    subject_iin       VARCHAR(12)  NOT NULL,
    issued_at         TIMESTAMPTZ  NOT NULL,
    sha256            BYTEA        NOT NULL,
    pdf               BYTEA        NOT NULL
);
CREATE INDEX certificate_documents_sha256 ON certificate_documents (sha256);
