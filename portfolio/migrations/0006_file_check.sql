-- The last time each stored file was hashed again (by check, backup or export) and whether its
-- bytes still matched the SHA-256 recorded when it was added, so readiness can report it without
-- reading the files. A file with no row has not been re-hashed since it was added.
CREATE TABLE file_check (
    sha256     TEXT PRIMARY KEY REFERENCES blob (sha256) ON DELETE CASCADE,
    intact     INTEGER NOT NULL CHECK (intact IN (0, 1)),
    checked_at TEXT NOT NULL
) STRICT;
