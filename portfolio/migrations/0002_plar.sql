-- Prior learning assessment: targets, their learning outcomes, and the learner's claims.
CREATE TABLE target (
    id             INTEGER PRIMARY KEY,
    name           TEXT NOT NULL UNIQUE,
    institution    TEXT NOT NULL DEFAULT '',
    program        TEXT NOT NULL DEFAULT '',
    course_code    TEXT NOT NULL DEFAULT '',
    course_title   TEXT NOT NULL DEFAULT '',
    language       TEXT NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'fr', 'bilingual')),
    currency_years INTEGER NOT NULL DEFAULT 5 CHECK (currency_years BETWEEN 1 AND 50),
    methods        TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(methods)),
    methods_notes  TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

CREATE TABLE outcome (
    id        INTEGER PRIMARY KEY,
    target_id INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,
    position  INTEGER NOT NULL,
    code      TEXT NOT NULL,
    text_en   TEXT NOT NULL DEFAULT '',
    text_fr   TEXT NOT NULL DEFAULT '',
    CHECK (text_en <> '' OR text_fr <> ''),
    UNIQUE (target_id, code)
) STRICT;

-- One claim per outcome at most: the learner says they meet it.
CREATE TABLE claim (
    id            INTEGER PRIMARY KEY,
    outcome_id    INTEGER NOT NULL UNIQUE REFERENCES outcome (id) ON DELETE CASCADE,
    rating        INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    narrative_en  TEXT NOT NULL DEFAULT '',
    narrative_fr  TEXT NOT NULL DEFAULT '',
    currency_note TEXT NOT NULL DEFAULT '',
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
) STRICT;

CREATE TABLE claim_experience (
    claim_id      INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    experience_id INTEGER NOT NULL REFERENCES experience (id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, experience_id)
) STRICT;

CREATE TABLE claim_credential (
    claim_id      INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    credential_id INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, credential_id)
) STRICT;

-- How each piece of evidence relates to the claim, in the learner's words.
CREATE TABLE claim_evidence (
    claim_id    INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    evidence_id INTEGER NOT NULL REFERENCES evidence (id) ON DELETE CASCADE,
    relevance   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (claim_id, evidence_id)
) STRICT;

CREATE INDEX outcome_target ON outcome (target_id, position);
