-- Crawled text is stored without control characters; bidirectional controls (U+202E and its kin) are
-- kept, because they are part of what was posted, and counted here so a reviewer can be told that the
-- text may not read the way it displays.
ALTER TABLE posts ADD COLUMN bidi_controls INT DEFAULT 0 NOT NULL;
