-- Patient content is stored encrypted (ContentCipher): the base64 of its UTF-8 bytes, a nonce and a tag
-- is up to four times as long as the text it holds, beyond what VARCHAR(n) allows, so these become TEXT.
ALTER TABLE posts ALTER COLUMN text TYPE TEXT;
ALTER TABLE posts ALTER COLUMN alt_texts TYPE TEXT;
ALTER TABLE posts ALTER COLUMN attached_texts TYPE TEXT;
ALTER TABLE posts ALTER COLUMN content_warnings TYPE TEXT;
ALTER TABLE media ALTER COLUMN alt_text TYPE TEXT;
ALTER TABLE findings ALTER COLUMN text TYPE TEXT;
