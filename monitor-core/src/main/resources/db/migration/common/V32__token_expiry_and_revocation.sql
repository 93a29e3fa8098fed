-- Dashboard: API tokens expire and record when they were revoked. Tokens issued before this
-- migration had no expiry; they get 90 days from their creation, as new ones do.
ALTER TABLE api_tokens ADD COLUMN expires_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE api_tokens ADD COLUMN revoked_at TIMESTAMP WITH TIME ZONE;
UPDATE api_tokens SET expires_at = created_at + INTERVAL '90' DAY WHERE expires_at IS NULL;
ALTER TABLE api_tokens ALTER COLUMN expires_at SET NOT NULL;
CREATE INDEX api_tokens_user ON api_tokens (user_id, revoked);
