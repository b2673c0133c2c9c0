-- A microcredential imported from a digital credential (Open Badge 2.0/3.0, CLR 2.0) keeps what
-- the credential says beyond the microcredential's own columns, the verification result with
-- its date, and the original file (an evidence row of kind Certificate, linked to it), so an
-- assessor can check it again online. A hand-typed microcredential has no row here.
CREATE TABLE credential_import (
    credential_id  INTEGER PRIMARY KEY REFERENCES credential (id) ON DELETE CASCADE,
    format         TEXT NOT NULL,
    -- issuer id + credential id + achievement id: importing the same credential again updates it.
    import_key     TEXT NOT NULL UNIQUE,
    -- the CLR (issuer id + its id) whose achievements were imported together; '' for one badge.
    group_key      TEXT NOT NULL DEFAULT '',
    issuer_id      TEXT NOT NULL DEFAULT '',
    description_en TEXT NOT NULL DEFAULT '',
    description_fr TEXT NOT NULL DEFAULT '',
    criteria       TEXT NOT NULL DEFAULT '',
    alignments     TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(alignments)),
    -- the fields the credential stated, kept as imported when the learner edits the others.
    stated         TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(stated)),
    verification   TEXT NOT NULL CHECK (json_valid(verification)),
    checked_at     TEXT NOT NULL,
    evidence_id    INTEGER REFERENCES evidence (id) ON DELETE SET NULL,
    imported_at    TEXT NOT NULL
) STRICT;

CREATE INDEX credential_import_group ON credential_import (group_key);
