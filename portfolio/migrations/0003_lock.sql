-- A locked portfolio: with a passphrase, self-identification is kept sealed in one value here
-- (its yes/no columns cannot hold ciphertext); the columns then hold their defaults.
ALTER TABLE self_identification ADD COLUMN sealed TEXT NOT NULL DEFAULT '';
