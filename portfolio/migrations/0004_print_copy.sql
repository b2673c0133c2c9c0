-- The smaller copy of an image that PDF exports embed, made once when the evidence is added.
-- Images added before this version have none; exports fall back to the display copy.
ALTER TABLE preview ADD COLUMN print BLOB;
