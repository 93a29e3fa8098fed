-- Which key encrypts this database's content and images, by fingerprint (never the key): a start with
-- another key, or with none, is refused instead of writing under a second key or making a new one.
-- next_fingerprint is set while `wardwatch keys rotate` moves everything to a new key; plaintext_swept_at
-- records that the content an older version stored in the clear has been encrypted.
CREATE TABLE content_key (
    id                 INT PRIMARY KEY,
    fingerprint        VARCHAR(16) NOT NULL,
    next_fingerprint   VARCHAR(16),
    plaintext_swept_at TIMESTAMP WITH TIME ZONE,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT content_key_single CHECK (id = 1)
);
