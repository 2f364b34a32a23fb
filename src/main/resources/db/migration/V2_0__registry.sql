-- The embedded registries (DESIGN.md, registry): what the state registries hold, kept in the service's own database.
-- In embedded mode the demo data set fills them at first start; an operator may load real extracts instead.

-- Population register (Ministry of Internal Affairs): people ...
CREATE TABLE registry_persons (
    iin         VARCHAR(12)  PRIMARY KEY,
    surname     VARCHAR(128) NOT NULL,
    given_name  VARCHAR(128) NOT NULL,
    patronymic  VARCHAR(128),
    birth_date  DATE         NOT NULL
);

-- ... and their registered place of residence (прописка / тіркеу), at most one per person.
CREATE TABLE registry_addresses (
    iin               VARCHAR(12)  PRIMARY KEY REFERENCES registry_persons (iin),
    region_kk         VARCHAR(128) NOT NULL,
    region_ru         VARCHAR(128) NOT NULL,
    district_kk       VARCHAR(128) NOT NULL,
    district_ru       VARCHAR(128) NOT NULL,
    locality_kk       VARCHAR(128) NOT NULL,
    locality_ru       VARCHAR(128) NOT NULL,
    street_kk         VARCHAR(128) NOT NULL,
    street_ru         VARCHAR(128) NOT NULL,
    house             VARCHAR(16)  NOT NULL,
    flat              VARCHAR(16),
    registered_on     DATE         NOT NULL,
    registration_code VARCHAR(32)  NOT NULL
);

-- Real-estate register (Ministry of Justice): objects ...
CREATE TABLE registry_real_estate (
    cadastral_number VARCHAR(32)   PRIMARY KEY,
    kind             VARCHAR(32)   NOT NULL
        CHECK (kind IN ('APARTMENT', 'HOUSE', 'LAND_PLOT', 'NON_RESIDENTIAL', 'GARAGE')),
    address_kk       VARCHAR(512)  NOT NULL,
    address_ru       VARCHAR(512)  NOT NULL,
    area             NUMERIC(12, 2) NOT NULL CHECK (area > 0),
    floors           INT,
    year_built       INT
);

-- ... the rights on them (several holders for shared or joint ownership) ...
CREATE TABLE registry_rights (
    id               BIGSERIAL    PRIMARY KEY,
    cadastral_number VARCHAR(32)  NOT NULL REFERENCES registry_real_estate (cadastral_number),
    holder_id        VARCHAR(12)  NOT NULL,
    holder_name      VARCHAR(512) NOT NULL,
    share            VARCHAR(16)  NOT NULL,
    kind             VARCHAR(32)  NOT NULL
        CHECK (kind IN ('OWNERSHIP', 'SHARED_OWNERSHIP', 'JOINT_OWNERSHIP', 'LIFELONG_USE', 'ECONOMIC_MANAGEMENT')),
    basis_kk         VARCHAR(512) NOT NULL,
    basis_ru         VARCHAR(512) NOT NULL,
    registered_on    DATE         NOT NULL
);
CREATE INDEX registry_rights_holder ON registry_rights (holder_id);
CREATE INDEX registry_rights_object ON registry_rights (cadastral_number);

-- ... and their encumbrances.
CREATE TABLE registry_encumbrances (
    id               BIGSERIAL    PRIMARY KEY,
    cadastral_number VARCHAR(32)  NOT NULL REFERENCES registry_real_estate (cadastral_number),
    kind             VARCHAR(16)  NOT NULL CHECK (kind IN ('MORTGAGE', 'ARREST', 'LEASE')),
    holder_kk        VARCHAR(512) NOT NULL,
    holder_ru        VARCHAR(512) NOT NULL,
    basis_kk         VARCHAR(512) NOT NULL,
    basis_ru         VARCHAR(512) NOT NULL,
    registered_on    DATE         NOT NULL
);
CREATE INDEX registry_encumbrances_object ON registry_encumbrances (cadastral_number);

-- Accounts of the e-government portal.
CREATE TABLE registry_portal_accounts (
    iin           VARCHAR(12) PRIMARY KEY,
    registered_on DATE        NOT NULL
);

-- The mobile citizens database (БМГ / АМБ): one phone per person, and a phone belongs to one person, so that an SMS
-- answer names its sender.
CREATE TABLE registry_mobile_phones (
    iin           VARCHAR(12) PRIMARY KEY,
    phone         VARCHAR(16) NOT NULL UNIQUE,
    registered_on DATE        NOT NULL
);

-- Legal entities with their first head and employees.
CREATE TABLE registry_organisations (
    bin            VARCHAR(12)  PRIMARY KEY,
    name_kk        VARCHAR(512) NOT NULL,
    name_ru        VARCHAR(512) NOT NULL,
    first_head_iin VARCHAR(12)  NOT NULL REFERENCES registry_persons (iin),
    position       INT          NOT NULL
);

CREATE TABLE registry_organisation_employees (
    bin      VARCHAR(12) NOT NULL REFERENCES registry_organisations (bin),
    iin      VARCHAR(12) NOT NULL REFERENCES registry_persons (iin),
    position INT         NOT NULL,
    PRIMARY KEY (bin, iin)
);

-- Embedded mode only: what a featured demo person is in the demo, in the order a demo walks through them.
CREATE TABLE registry_demo_roles (
    iin      VARCHAR(12) PRIMARY KEY REFERENCES registry_persons (iin),
    role     VARCHAR(32) NOT NULL UNIQUE,
    position INT         NOT NULL UNIQUE
);
