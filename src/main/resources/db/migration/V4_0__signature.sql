-- Sign-in by signed challenge: each nonce is good once, for a few minutes.
CREATE TABLE signature_challenges (
    nonce      VARCHAR(64) PRIMARY KEY,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ
);
CREATE INDEX signature_challenges_expiry ON signature_challenges (expires_at);

-- Access tokens of the API, stored as SHA-256 of the token: a copy of this table signs nobody in.
CREATE TABLE signature_access_tokens (
    token_hash   VARCHAR(64)  PRIMARY KEY,
    iin          VARCHAR(12)  NOT NULL,
    bin          VARCHAR(12),
    name         VARCHAR(512) NOT NULL,
    organization VARCHAR(512),
    roles        VARCHAR(256) NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    expires_at   TIMESTAMPTZ  NOT NULL
);
CREATE INDEX signature_access_tokens_expiry ON signature_access_tokens (expires_at);

-- Embedded mode only: the demo certification authority (root and issuing CA) and what it issued. Its private keys
-- are demo keys, kept here so that every node of a demo signs with the same CA.
CREATE TABLE signature_demo_ca (
    name        VARCHAR(16) PRIMARY KEY,
    certificate BYTEA       NOT NULL,
    private_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE signature_demo_certificates (
    serial      VARCHAR(64)  PRIMARY KEY,
    alias       VARCHAR(64)  UNIQUE,
    holder_iin  VARCHAR(12),
    role        VARCHAR(64),
    purpose     VARCHAR(16),
    certificate BYTEA        NOT NULL,
    pkcs12      BYTEA,
    revoked_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL
);
