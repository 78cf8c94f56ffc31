-- Imports (issue 3 §1, §2): spreadsheet import jobs with their row-level report, and the column mappings users
-- saved per template (a re-upload with the same headers reuses the mapping).

CREATE TABLE import_job (
  id               bigserial PRIMARY KEY,
  kind             text NOT NULL CHECK (kind IN ('registry', 'roster')),
  mode             text NOT NULL DEFAULT 'atomic' CHECK (mode IN ('atomic', 'valid_rows')),
  status           text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  file_name        text NOT NULL,
  file_format      text CHECK (file_format IN ('xlsx', 'csv')),
  file_bytes       bigint NOT NULL DEFAULT 0,
  rows_read        integer NOT NULL DEFAULT 0,
  rows_written     integer NOT NULL DEFAULT 0,
  households_written integer NOT NULL DEFAULT 0,
  error_count      integer NOT NULL DEFAULT 0,
  -- the first 10,000 row errors ({row, column, value, message}); error_count has the total
  errors           jsonb NOT NULL DEFAULT '[]',
  warnings         jsonb NOT NULL DEFAULT '[]',
  message          text,
  area_code        varchar(12) NOT NULL,
  created_by       bigint NOT NULL REFERENCES user_account(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  finished_at      timestamptz
);
CREATE INDEX import_job_kind_idx ON import_job (kind, id DESC);
CREATE INDEX import_job_creator_idx ON import_job (created_by, id DESC);

CREATE TABLE import_column_mapping (
  template     text NOT NULL CHECK (template IN ('registry', 'roster')),
  -- the file's headers, normalised (no whitespace) and joined with a tab: the same headers find the same mapping
  header_key   text NOT NULL,
  -- file header → template column key
  mapping      jsonb NOT NULL,
  updated_by   bigint REFERENCES user_account(id),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (template, header_key)
);
