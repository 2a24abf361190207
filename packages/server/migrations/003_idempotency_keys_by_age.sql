-- The purge of old Idempotency-Keys (HOSO_IDEMPOTENCY_DAYS, default 30) deletes by age: index it.
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
