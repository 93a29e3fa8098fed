-- Ingest that loses nothing. Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.

-- A post belongs to the account whose feed or timeline carried it: the same guid in a trust's main
-- feed and a ward's category feed is two posts, each with its own case, never an "edit" of the other.
ALTER TABLE posts DROP CONSTRAINT posts_platform_external;
ALTER TABLE posts ADD CONSTRAINT posts_account_external UNIQUE (account_id, external_id);

-- Captions are kept whole (up to 10 million characters, far beyond any platform's limit) rather
-- than failing to store; permalinks and alt texts likewise.
ALTER TABLE posts ALTER COLUMN text SET DATA TYPE VARCHAR(10000000);
ALTER TABLE posts ALTER COLUMN alt_texts SET DATA TYPE VARCHAR(10000000);
ALTER TABLE posts ALTER COLUMN permalink SET DATA TYPE VARCHAR(10000);
ALTER TABLE media ALTER COLUMN alt_text SET DATA TYPE VARCHAR(1000000);

-- What a reader sees besides the caption: the platform's content warnings and the text of a quoted
-- post or link card (JSON lists).
ALTER TABLE posts ADD COLUMN content_warnings VARCHAR(10000);
ALTER TABLE posts ADD COLUMN attached_texts VARCHAR(10000000);

-- Storing and analysing are separate durable steps. A post is stored pending analysis; analysis
-- (findings, case, this flag) commits in one transaction. A worker claims a pending post before
-- analysing it; a claim by a process that is gone, or older than the lease, may be taken over.
ALTER TABLE posts ADD COLUMN analysis_pending BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE posts ADD COLUMN analysed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE posts ADD COLUMN analysis_claim VARCHAR(200);
ALTER TABLE posts ADD COLUMN analysis_claimed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX posts_pending ON posts (analysis_pending, account_id);

-- A crawl run knows who runs it, so a run whose process died can be marked interrupted, and how
-- many items it saw and did not store.
ALTER TABLE crawl_runs ADD COLUMN runner VARCHAR(200);
ALTER TABLE crawl_runs ADD COLUMN status VARCHAR(20);
ALTER TABLE crawl_runs ADD COLUMN skipped INT DEFAULT 0 NOT NULL;
UPDATE crawl_runs SET status = CASE WHEN finished_at IS NULL THEN 'running' WHEN error IS NULL THEN 'done' ELSE 'failed' END;
CREATE INDEX crawl_runs_unfinished ON crawl_runs (status);

ALTER TABLE accounts ADD COLUMN last_skipped INT DEFAULT 0 NOT NULL;

-- A failed image is tried again on later crawls, a few times, so a passing network fault does not
-- leave a photo unanalysed for ever.
ALTER TABLE media ADD COLUMN attempts INT DEFAULT 0 NOT NULL;
UPDATE media SET attempts = 1 WHERE error IS NOT NULL;
