-- The first schema of a Passerelle portfolio. Released migrations never change; add a new file.
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE learner (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    display_name       TEXT NOT NULL DEFAULT '',
    legal_name         TEXT NOT NULL DEFAULT '',
    preferred_language TEXT NOT NULL DEFAULT '' CHECK (preferred_language IN ('', 'en', 'fr')),
    email              TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    community          TEXT NOT NULL DEFAULT '',
    region             TEXT NOT NULL DEFAULT ''
) STRICT;

-- Private, like support notes: never shared unless the learner chooses.
CREATE TABLE self_identification (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    newcomer   INTEGER NOT NULL DEFAULT 0 CHECK (newcomer IN (0, 1)),
    indigenous INTEGER NOT NULL DEFAULT 0 CHECK (indigenous IN (0, 1)),
    disability INTEGER NOT NULL DEFAULT 0 CHECK (disability IN (0, 1)),
    racialized INTEGER NOT NULL DEFAULT 0 CHECK (racialized IN (0, 1)),
    notes      TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE experience (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL,
    title_en       TEXT NOT NULL DEFAULT '',
    title_fr       TEXT NOT NULL DEFAULT '',
    organisation   TEXT NOT NULL DEFAULT '',
    place          TEXT NOT NULL DEFAULT '',
    start_month    TEXT NOT NULL,
    end_month      TEXT NOT NULL DEFAULT '',
    hours          INTEGER NOT NULL DEFAULT 0 CHECK (hours >= 0),
    description_en TEXT NOT NULL DEFAULT '',
    description_fr TEXT NOT NULL DEFAULT '',
    skills         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(skills)),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE credential (
    id                INTEGER PRIMARY KEY,
    title_en          TEXT NOT NULL DEFAULT '',
    title_fr          TEXT NOT NULL DEFAULT '',
    issuer            TEXT NOT NULL,
    issued_on         TEXT NOT NULL,
    expires_on        TEXT NOT NULL DEFAULT '',
    competencies      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(competencies)),
    assessment_method TEXT NOT NULL DEFAULT '',
    hours             REAL NOT NULL DEFAULT 0 CHECK (hours >= 0),
    credit_value      TEXT NOT NULL DEFAULT '',
    verification      TEXT NOT NULL DEFAULT '',
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;

-- File bytes, content-addressed: the key is the SHA-256 of data.
CREATE TABLE blob (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
    size   INTEGER NOT NULL CHECK (size > 0),
    data   BLOB NOT NULL
) STRICT;

-- The downscaled display copy of an image, made once when it is added.
CREATE TABLE preview (
    sha256 TEXT PRIMARY KEY REFERENCES blob (sha256) ON DELETE CASCADE,
    width  INTEGER NOT NULL,
    height INTEGER NOT NULL,
    data   BLOB NOT NULL
) STRICT;

CREATE TABLE evidence (
    id               INTEGER PRIMARY KEY,
    sha256           TEXT NOT NULL UNIQUE REFERENCES blob (sha256),
    media_type       TEXT NOT NULL,
    original_name    TEXT NOT NULL,
    title            TEXT NOT NULL,
    kind             TEXT NOT NULL,
    date             TEXT NOT NULL DEFAULT '',
    verifier_name    TEXT NOT NULL DEFAULT '',
    verifier_role    TEXT NOT NULL DEFAULT '',
    verifier_contact TEXT NOT NULL DEFAULT '',
    added_at         TEXT NOT NULL
) STRICT;

CREATE TABLE evidence_experience (
    evidence_id   INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    experience_id INTEGER NOT NULL REFERENCES experience (id) ON DELETE CASCADE,
    PRIMARY KEY (evidence_id, experience_id)
) STRICT;

CREATE TABLE evidence_credential (
    evidence_id   INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    PRIMARY KEY (evidence_id, credential_id)
) STRICT;

-- Wraparound supports: private by default (share_with_coach = 0).
CREATE TABLE support_note (
    id               INTEGER PRIMARY KEY,
    category         TEXT NOT NULL,
    date             TEXT NOT NULL,
    provider         TEXT NOT NULL DEFAULT '',
    text             TEXT NOT NULL,
    follow_up        TEXT NOT NULL DEFAULT '',
    share_with_coach INTEGER NOT NULL DEFAULT 0 CHECK (share_with_coach IN (0, 1)),
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL
) STRICT;

INSERT INTO learner (id) VALUES (1);
INSERT INTO self_identification (id) VALUES (1);
