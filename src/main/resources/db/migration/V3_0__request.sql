-- Certificate requests of third parties, their drafts and the registration-check limit (DESIGN.md, lifecycle).

-- A draft: the exact bytes the third party must sign to turn it into a request; used once, then kept as evidence.
CREATE TABLE request_drafts (
    id             UUID         PRIMARY KEY,
    requester_id   VARCHAR(12)  NOT NULL,
    requester_name VARCHAR(512) NOT NULL,
    legal_entity   BOOLEAN      NOT NULL,
    subject_iin    VARCHAR(12)  NOT NULL,
    certificate    VARCHAR(32)  NOT NULL,
    data_to_sign   BYTEA        NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL,
    expires_at     TIMESTAMPTZ  NOT NULL,
    used_at        TIMESTAMPTZ
);

CREATE TABLE certificate_requests (
    id              UUID         PRIMARY KEY,
    draft_id        UUID         NOT NULL UNIQUE REFERENCES request_drafts (id),
    code            VARCHAR(6)   NOT NULL,
    requester_id    VARCHAR(12)  NOT NULL,
    requester_name  VARCHAR(512) NOT NULL,
    legal_entity    BOOLEAN      NOT NULL,
    subject_iin     VARCHAR(12)  NOT NULL,
    certificate     VARCHAR(32)  NOT NULL,
    status          VARCHAR(32)  NOT NULL,
    -- the BMG phone when the request was made: SMS answers are matched by it, then checked against BMG again
    sms_phone       VARCHAR(20),
    signature       BYTEA        NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    deadline        TIMESTAMPTZ  NOT NULL,
    decided_at      TIMESTAMPTZ,
    completed_at    TIMESTAMPTZ,
    document_number VARCHAR(64),
    version         BIGINT       NOT NULL
);
CREATE INDEX certificate_requests_requester ON certificate_requests (requester_id, created_at DESC);
CREATE INDEX certificate_requests_subject ON certificate_requests (subject_iin, created_at DESC);
CREATE INDEX certificate_requests_phone ON certificate_requests (sms_phone, created_at DESC);
CREATE INDEX certificate_requests_overdue ON certificate_requests (deadline) WHERE status = 'AWAITING_CONSENT';
-- the code an SMS answer repeats tells one user's pending requests apart
CREATE UNIQUE INDEX certificate_requests_pending_code ON certificate_requests (subject_iin, code)
    WHERE status = 'AWAITING_CONSENT';

-- Registration checks per party and minute: the limit holds across all nodes.
CREATE TABLE registration_check_counts (
    party_id VARCHAR(12) NOT NULL,
    minute   TIMESTAMPTZ NOT NULL,
    checks   INT         NOT NULL,
    PRIMARY KEY (party_id, minute)
);
