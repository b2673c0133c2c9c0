-- The coach's side. A support note gets two separate choices: share_with_coach (it goes in the
-- shared copy a coach reads) and include_in_submission (it goes in the institution's PDF).
-- Until now ticking "share with my coach" put a note in the PDF, so existing notes keep that:
-- what a learner already exported stays the same.
ALTER TABLE support_note ADD COLUMN include_in_submission INTEGER NOT NULL DEFAULT 0
    CHECK (include_in_submission IN (0, 1));
UPDATE support_note SET include_in_submission = share_with_coach;

-- A stable random identity of the portfolio, so a comments file made on a shared copy can be
-- matched to the learner's file it came from (and refused on another learner's).
INSERT OR IGNORE INTO meta (key, value) VALUES ('portfolio_id', lower(hex(randomblob(16))));

-- Comments between a coach and the learner, anchored to one item (the profile, an experience, a
-- microcredential, a piece of evidence, a claim, or one rule of evidence of a claim). The
-- fingerprint is the SHA-256 of the item's shared content when the comment was made, so the
-- learner can be told the item changed since the coach saw it. The id is random, so importing
-- the same comments twice, or two coaches' comments, merges without conflict.
CREATE TABLE comment (
    id               TEXT PRIMARY KEY CHECK (length(id) = 32),
    share_id         TEXT NOT NULL DEFAULT '',
    anchor_kind      TEXT NOT NULL CHECK (anchor_kind IN
                         ('profile', 'experience', 'credential', 'evidence', 'claim', 'claim_rule')),
    anchor_id        INTEGER NOT NULL DEFAULT 0,
    rule             TEXT NOT NULL DEFAULT '' CHECK (rule IN ('', 'valid', 'current', 'sufficient', 'authentic')),
    fingerprint      TEXT NOT NULL DEFAULT '',
    author_kind      TEXT NOT NULL CHECK (author_kind IN ('coach', 'learner')),
    author_name      TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL,
    text             TEXT NOT NULL,
    suggested_action TEXT NOT NULL DEFAULT '',
    reply_to         TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dismissed'))
) STRICT;
CREATE INDEX comment_anchor ON comment (anchor_kind, anchor_id);

-- The header of a shared copy (empty in a learner's own file): which share this is, whose
-- portfolio, and the numbers a coach's cohort list shows without computing readiness again.
CREATE TABLE share (
    id             INTEGER PRIMARY KEY CHECK (id = 1),
    share_id       TEXT NOT NULL CHECK (length(share_id) = 32),
    portfolio_id   TEXT NOT NULL,
    learner_name   TEXT NOT NULL DEFAULT '',
    target         TEXT NOT NULL DEFAULT '',
    shared_at      TEXT NOT NULL,
    with_contact   INTEGER NOT NULL CHECK (with_contact IN (0, 1)),
    claims_ready   INTEGER NOT NULL DEFAULT 0,
    claims_claimed INTEGER NOT NULL DEFAULT 0,
    claims_total   INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Evidence files a shared copy leaves out because they are large: the evidence is described,
-- its SHA-256 and size kept, its bytes not.
CREATE TABLE share_left_out (
    sha256 TEXT PRIMARY KEY,
    size   INTEGER NOT NULL
) STRICT;
