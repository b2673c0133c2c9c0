-- What happened next: the learner's own record of what followed a PLAR submission or a
-- credential, the follow-up prompts they dismissed, and their consent to share it, anonymously,
-- with a program they name. The notes are private like support notes (sealed with a passphrase).

-- The institution's PLAR decision, for one learning outcome or (outcome_id NULL) a whole course.
CREATE TABLE plar_decision (
    id         INTEGER PRIMARY KEY,
    target_id  INTEGER NOT NULL REFERENCES target (id) ON DELETE CASCADE,
    outcome_id INTEGER REFERENCES outcome (id) ON DELETE CASCADE,
    result     TEXT NOT NULL,
    credits    REAL NOT NULL DEFAULT 0 CHECK (credits >= 0),
    decided_on TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;

-- One decision per learning outcome, and one for the course as a whole.
CREATE UNIQUE INDEX plar_decision_one ON plar_decision (target_id, ifnull(outcome_id, 0));

-- An outcome after a credential or a submission (a new job, a raise…); shared, with consent,
-- only as its kind and month.
CREATE TABLE later_outcome (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL,
    happened_on TEXT NOT NULL,
    raise_range TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    prompt      TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
) STRICT;

CREATE TABLE later_outcome_credential (
    later_outcome_id INTEGER NOT NULL REFERENCES later_outcome (id) ON DELETE CASCADE,
    credential_id    INTEGER NOT NULL REFERENCES credential (id) ON DELETE CASCADE,
    PRIMARY KEY (later_outcome_id, credential_id)
) STRICT;

CREATE TABLE later_outcome_claim (
    later_outcome_id INTEGER NOT NULL REFERENCES later_outcome (id) ON DELETE CASCADE,
    claim_id         INTEGER NOT NULL REFERENCES claim (id) ON DELETE CASCADE,
    PRIMARY KEY (later_outcome_id, claim_id)
) STRICT;

-- Every PDF export, so follow-up prompts can count months from it. The last export made before
-- this version (kept in meta) starts the history.
CREATE TABLE export_log (
    id          INTEGER PRIMARY KEY,
    exported_at TEXT NOT NULL,
    target_id   INTEGER REFERENCES target (id) ON DELETE SET NULL
) STRICT;

INSERT INTO export_log (exported_at) SELECT value FROM meta WHERE key = 'exported_at';

-- A follow-up prompt the learner dismissed for good, by its key.
CREATE TABLE follow_up_dismissal (
    prompt       TEXT PRIMARY KEY,
    dismissed_at TEXT NOT NULL
) STRICT;

-- Consent to share outcomes with one named program: its own random pseudonym, the coarse
-- region and the self-identification items the learner chose (each off by default).
CREATE TABLE program_consent (
    id                INTEGER PRIMARY KEY,
    program           TEXT NOT NULL UNIQUE,
    home_page         TEXT NOT NULL DEFAULT '',
    pseudonym         TEXT NOT NULL UNIQUE,
    region            TEXT NOT NULL DEFAULT '',
    share_newcomer    INTEGER NOT NULL DEFAULT 0 CHECK (share_newcomer IN (0, 1)),
    share_indigenous  INTEGER NOT NULL DEFAULT 0 CHECK (share_indigenous IN (0, 1)),
    share_disability  INTEGER NOT NULL DEFAULT 0 CHECK (share_disability IN (0, 1)),
    share_racialized  INTEGER NOT NULL DEFAULT 0 CHECK (share_racialized IN (0, 1)),
    given_at          TEXT NOT NULL,
    revoked_at        TEXT NOT NULL DEFAULT '',
    last_shared_at    TEXT NOT NULL DEFAULT ''
) STRICT;
