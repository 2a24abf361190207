-- The answer kept under an Idempotency-Key holds the case (personal data): keep it encrypted like the case.
-- Rows written by 001 keep their clear `response` until they expire; new rows fill `response_enc` only.
ALTER TABLE idempotency_keys ADD COLUMN response_enc bytea;
ALTER TABLE idempotency_keys ALTER COLUMN response DROP NOT NULL;
ALTER TABLE idempotency_keys ADD CONSTRAINT idempotency_answer_present CHECK (response IS NOT NULL OR response_enc IS NOT NULL);
