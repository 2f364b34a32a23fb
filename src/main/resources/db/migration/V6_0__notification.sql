-- Everything the service sends (SMS, webhook calls), written in the same transaction as its cause and delivered
-- at least once by the workers of all nodes (FOR UPDATE SKIP LOCKED). The idempotency key makes a second enqueue of
-- the same thing a no-op, and travels with the SMS so that the SMS centre can drop a resubmitted duplicate.
CREATE TABLE notification_outbox (
    id               UUID         PRIMARY KEY,
    idempotency_key  VARCHAR(200) NOT NULL UNIQUE,
    channel          VARCHAR(16)  NOT NULL CHECK (channel IN ('SMS', 'WEBHOOK')),
    recipient        VARCHAR(512) NOT NULL,
    payload          TEXT         NOT NULL,
    request_id       UUID,
    state            VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'SENT', 'GAVE_UP')),
    attempts         INT          NOT NULL DEFAULT 0,
    created_at       TIMESTAMPTZ  NOT NULL,
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL,
    claimed_until    TIMESTAMPTZ,
    claim            UUID,
    sent_at          TIMESTAMPTZ,
    smsc_message_ids VARCHAR(1024),
    last_error       VARCHAR(512)
);
CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE state = 'PENDING';

-- Delivery receipts of the SMS centre (deliver_sm with esm_class "SMSC delivery receipt"), one per submitted part.
CREATE TABLE sms_receipts (
    smsc_message_id VARCHAR(65) PRIMARY KEY,
    state           VARCHAR(16) NOT NULL,
    error           VARCHAR(16),
    received_at     TIMESTAMPTZ NOT NULL
);

-- The user's cabinet: a message per request about them. Texts are rendered when read, in the reader's language.
CREATE TABLE cabinet_messages (
    id             UUID         PRIMARY KEY,
    subject_iin    VARCHAR(12)  NOT NULL,
    request_id     UUID         NOT NULL UNIQUE,
    request_code   VARCHAR(16)  NOT NULL,
    certificate    VARCHAR(32)  NOT NULL,
    requester_id   VARCHAR(12)  NOT NULL,
    requester_name VARCHAR(512) NOT NULL,
    legal_entity   BOOLEAN      NOT NULL,
    deadline       TIMESTAMPTZ  NOT NULL,
    created_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX cabinet_messages_subject ON cabinet_messages (subject_iin, created_at DESC);

-- The third party's inbox («Входящие»): refusals, expiries, failures, issued certificates.
CREATE TABLE inbox_messages (
    id          UUID        PRIMARY KEY,
    party_id    VARCHAR(12) NOT NULL,
    request_id  UUID        NOT NULL,
    subject_iin VARCHAR(12) NOT NULL,
    certificate VARCHAR(32) NOT NULL,
    status      VARCHAR(32) NOT NULL,
    at          TIMESTAMPTZ NOT NULL,
    UNIQUE (request_id, status)
);
CREATE INDEX inbox_messages_party ON inbox_messages (party_id, at DESC);

-- One webhook per third party (API.md); the secret signs every call (HMAC-SHA256) and so must be kept as is.
CREATE TABLE webhooks (
    party_id   VARCHAR(12)   PRIMARY KEY,
    url        VARCHAR(2048) NOT NULL,
    secret     VARCHAR(256)  NOT NULL,
    updated_at TIMESTAMPTZ   NOT NULL
);

-- Every attempt to call a webhook, shown to its owner.
CREATE TABLE webhook_deliveries (
    id          UUID         PRIMARY KEY,
    outbox_id   UUID         NOT NULL REFERENCES notification_outbox (id),
    party_id    VARCHAR(12)  NOT NULL,
    request_id  UUID,
    attempt     INT          NOT NULL,
    at          TIMESTAMPTZ  NOT NULL,
    http_status INT,
    outcome     VARCHAR(32)  NOT NULL,
    error       VARCHAR(256)
);
CREATE INDEX webhook_deliveries_party ON webhook_deliveries (party_id, at DESC);

-- The embedded SMS centre of the demo mode and the tests: what it received, per phone, each message once.
CREATE TABLE demo_sms_messages (
    id              BIGSERIAL    PRIMARY KEY,
    idempotency_key VARCHAR(200) UNIQUE,
    phone           VARCHAR(20)  NOT NULL,
    sender          VARCHAR(20)  NOT NULL,
    text            TEXT         NOT NULL,
    parts           INT          NOT NULL,
    received_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX demo_sms_messages_phone ON demo_sms_messages (phone, id);
