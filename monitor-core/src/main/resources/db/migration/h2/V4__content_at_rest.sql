-- Patient content is stored encrypted (ContentCipher): the base64 of its UTF-8 bytes, a nonce and a tag
-- is up to four times as long as the text it holds, so these columns take any length H2 allows.
ALTER TABLE posts ALTER COLUMN text SET DATA TYPE VARCHAR(1000000000);
ALTER TABLE posts ALTER COLUMN alt_texts SET DATA TYPE VARCHAR(1000000000);
ALTER TABLE posts ALTER COLUMN attached_texts SET DATA TYPE VARCHAR(1000000000);
ALTER TABLE posts ALTER COLUMN content_warnings SET DATA TYPE VARCHAR(1000000000);
ALTER TABLE media ALTER COLUMN alt_text SET DATA TYPE VARCHAR(1000000000);
ALTER TABLE findings ALTER COLUMN text SET DATA TYPE VARCHAR(1000000000);
