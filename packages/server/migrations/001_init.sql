-- hoso server schema, version 1. Forward-only: later changes go in 002_*.sql, never edit this file.
-- Columns ending in _enc hold AES-256-GCM ciphertext (iv | tag | data) of personal data.

CREATE SEQUENCE change_seq;

CREATE TABLE cases (
  id text PRIMARY KEY,
  procedure text NOT NULL,
  procedure_version text NOT NULL,
  law_version text NOT NULL,
  commune text NOT NULL,
  rev integer NOT NULL CHECK (rev >= 0),
  state text NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'closed')),
  seq bigint NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  person_enc bytea NOT NULL,
  data_enc bytea NOT NULL
);
CREATE INDEX cases_commune_seq ON cases (commune, seq);

-- One row per accepted event: the audit entry in clear (hashes, who, when, from/to), the event data encrypted.
CREATE TABLE events (
  case_id text NOT NULL REFERENCES cases (id),
  rev integer NOT NULL,
  type text NOT NULL,
  at text NOT NULL,
  by_id text NOT NULL,
  by_roles jsonb NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  data_enc bytea,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (case_id, rev)
);

-- A 2xx answer kept per Idempotency-Key (scope: 'event' or 'upload'), committed with its effect.
CREATE TABLE idempotency_keys (
  scope text NOT NULL,
  key text NOT NULL,
  body_hash text NOT NULL,
  status integer NOT NULL,
  response text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (scope, key)
);

CREATE TABLE attachments (
  id text PRIMARY KEY,
  case_id text NOT NULL,
  commune text NOT NULL,
  content_type text NOT NULL,
  item text,
  size integer NOT NULL,
  sha256 text NOT NULL,
  file_name_enc bytea NOT NULL,
  content_enc bytea NOT NULL,
  uploaded_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_case ON attachments (case_id);
