-- 信息比对 (data comparison): the rules as versioned data, the runs (one uploaded department file each, with the rule
-- versions it used and its counts) and the row issues of a run (invalid / unmatched / repeated ID numbers).

-- One row per rule version. The current version of a code is the one with the highest version; earlier versions are
-- kept for the runs that used them. Seeded from the domain defaults by the service (idempotent) on first use.
CREATE TABLE comparison_rule (
  id               bigserial PRIMARY KEY,
  code             text NOT NULL,
  version          integer NOT NULL CHECK (version >= 1),
  family           text NOT NULL CHECK (family IN ('medical', 'civil_affairs', 'housing', 'water', 'education', 'disability', 'emergency',
                                                   'public_security', 'human_resources', 'finance', 'market_regulation')),
  department_code  text NOT NULL,
  label            text NOT NULL CHECK (length(label) BETWEEN 1 AND 200),
  applies_to       text[] NOT NULL,
  condition        jsonb NOT NULL,
  thresholds       jsonb NOT NULL DEFAULT '{}',
  output           jsonb NOT NULL,
  active           boolean NOT NULL DEFAULT true,
  change_reason    text CHECK (length(change_reason) <= 500),
  created_by       bigint REFERENCES user_account(id),
  created_by_name  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  UNIQUE (code, version)
);
CREATE INDEX comparison_rule_family_idx ON comparison_rule (family, code, version);

-- One run: an uploaded file of one family, matched and evaluated after the upload (status polled by the page).
CREATE TABLE comparison_run (
  id               bigserial PRIMARY KEY,
  family           text NOT NULL,
  department_code  text NOT NULL REFERENCES department(code),
  area_code        varchar(12) NOT NULL REFERENCES area(code),  -- the uploader's area: rows are matched within it
  file_name        text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
  file_sha256      varchar(64) NOT NULL CHECK (length(file_sha256) = 64),
  file_size        bigint NOT NULL CHECK (file_size >= 0),
  file_format      text CHECK (file_format IN ('xlsx', 'csv')),
  file_encoding    text,
  rule_versions    text[] NOT NULL,                      -- ruleVersionKey of every rule evaluated, e.g. medical.out_of_pocket@v2
  rule_ids         bigint[] NOT NULL,
  header_warnings  text[] NOT NULL DEFAULT '{}',
  status           text NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
  rows_read        integer NOT NULL DEFAULT 0,            -- progress while running, the file's data rows when done
  matched          integer NOT NULL DEFAULT 0,
  invalid_ids      integer NOT NULL DEFAULT 0,
  unmatched        integer NOT NULL DEFAULT 0,
  duplicates       integer NOT NULL DEFAULT 0,
  missing_data     integer NOT NULL DEFAULT 0,
  hits             integer NOT NULL DEFAULT 0,
  created          integer NOT NULL DEFAULT 0,             -- new warnings
  attached         integer NOT NULL DEFAULT 0,             -- hits attached to an open warning
  skipped          integer NOT NULL DEFAULT 0,             -- hits already recorded by an earlier run of the same file
  error_message    text,
  created_by       bigint NOT NULL REFERENCES user_account(id),
  created_by_name  text,
  created_at       timestamptz NOT NULL DEFAULT now(),
  started_at       timestamptz,
  finished_at      timestamptz
);
CREATE INDEX comparison_run_department_idx ON comparison_run (department_code, id);
CREATE INDEX comparison_run_file_idx ON comparison_run (file_sha256);
CREATE INDEX comparison_run_area_idx ON comparison_run (area_code, id);

-- Rows of a run that did not become a clean match: invalid ID (with the reason), unmatched, repeated in the file,
-- or missing the data a rule needs. Listed on the run page and downloadable as .xlsx.
CREATE TABLE comparison_run_issue (
  run_id      bigint NOT NULL REFERENCES comparison_run(id),
  row_number  integer NOT NULL CHECK (row_number >= 1),
  kind        text NOT NULL CHECK (kind IN ('invalid_id', 'unmatched', 'duplicate', 'missing_data')),
  id_number   text,
  name        text,
  message     text NOT NULL
);
CREATE INDEX comparison_run_issue_idx ON comparison_run_issue (run_id, row_number);

-- The hits of a run (warning_hit.source_ref holds the run id for comparison rows).
CREATE INDEX warning_hit_source_idx ON warning_hit (source_type, source_ref);
