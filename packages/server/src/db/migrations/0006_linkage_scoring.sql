-- "5+2" linkage, scoring side: settings, 资料报送 (submission requests), 每月核查 (verification rounds and findings),
-- manual score items, warning credits, extension/external evaluations, quarterly rankings (versioned, frozen on
-- publish), quarterly notices with read receipts. Records of the cycle and sharing parts (self_check,
-- rectification, coop_task, …) are referred to by id columns only, without foreign keys.

CREATE TABLE linkage_setting (
  key        text PRIMARY KEY CHECK (key IN ('self_check_due_day', 'extension_weight', 'notice_bottom_n', 'notice_consecutive_quarters')),
  value      jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  updated_by text
);
INSERT INTO linkage_setting (key, value) VALUES
  ('self_check_due_day', '5'),
  ('extension_weight', '0'),
  ('notice_bottom_n', '3'),
  ('notice_consecutive_quarters', '2');

-- 资料报送: the office requests a submission from some departments; one row per department and request.
CREATE TABLE submission_request (
  id          bigserial PRIMARY KEY,
  title       text NOT NULL CHECK (btrim(title) <> ''),
  description text,
  due_date    date NOT NULL,
  created_by  bigint,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_request_due_idx ON submission_request (due_date);

CREATE TABLE submission (
  request_id      bigint NOT NULL REFERENCES submission_request(id),
  department_code text NOT NULL REFERENCES department(code),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'submitted')),
  submitted_on    date,
  submitted_at    timestamptz,
  submitted_by    bigint,
  note            text,
  PRIMARY KEY (request_id, department_code),
  CHECK ((status = 'submitted') = (submitted_on IS NOT NULL))
);
CREATE INDEX submission_department_idx ON submission (department_code);

-- 每月一次核查: a round samples self-checks and rectifications of a month from a recorded seed.
CREATE TABLE verification_round (
  id                  bigserial PRIMARY KEY,
  month               varchar(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  seed                text NOT NULL,
  self_check_count    integer NOT NULL CHECK (self_check_count >= 0),
  rectification_count integer NOT NULL CHECK (rectification_count >= 0),
  population          jsonb NOT NULL,  -- {selfChecks: [id…], rectifications: [id…]} in the order sampled from
  sample              jsonb NOT NULL,  -- [{targetType, targetId, departmentCode}]
  note                text,
  created_by          bigint,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX verification_round_month_idx ON verification_round (month);

CREATE TABLE verification_finding (
  id              bigserial PRIMARY KEY,
  round_id        bigint NOT NULL REFERENCES verification_round(id),
  department_code text NOT NULL REFERENCES department(code),
  target_type     text NOT NULL CHECK (target_type IN ('self_check', 'rectification')),
  target_id       bigint NOT NULL,  -- self_check.id or rectification.id
  verdict         text NOT NULL CHECK (verdict IN ('confirms', 'contradicts')),
  verified_status text CHECK (verified_status IN ('in_progress', 'done')),
  note            text,
  recorded_by     bigint,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, target_type, target_id),
  CHECK ((target_type = 'rectification') = (verified_status IS NOT NULL))
);
CREATE INDEX verification_finding_target_idx ON verification_finding (target_type, target_id);

-- Items the office records by hand (通报, 表扬, 发言, 宣传, 越级上访, 舆情), counted once approved.
CREATE TABLE manual_score_item (
  id              bigserial PRIMARY KEY,
  department_code text NOT NULL REFERENCES department(code),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter         integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  item_code       text NOT NULL,
  count           integer NOT NULL CHECK (count >= 1),
  occurred_on     date NOT NULL,
  evidence        text NOT NULL CHECK (btrim(evidence) <> ''),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
  created_by      bigint,
  created_at      timestamptz NOT NULL DEFAULT now(),
  decided_by      bigint,
  decided_at      timestamptz,
  decision_note   text
);
CREATE INDEX manual_score_item_quarter_idx ON manual_score_item (year, quarter, department_code);

-- A department warning that ended 纳入监测 or added assistance (written by the early-warning feature).
CREATE TABLE warning_credit (
  id              bigserial PRIMARY KEY,
  department_code text NOT NULL REFERENCES department(code),
  occurred_on     date NOT NULL,
  source_type     text NOT NULL,
  source_id       text NOT NULL,
  note            text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_type, source_id, department_code)
);
CREATE INDEX warning_credit_department_idx ON warning_credit (department_code, occurred_on);

-- 县专班 延伸评价 (紧密型) and external evaluations (乡村振兴局, 财政局), per quarter.
CREATE TABLE linkage_evaluation (
  id              bigserial PRIMARY KEY,
  department_code text NOT NULL REFERENCES department(code),
  year            integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter         integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  kind            text NOT NULL CHECK (kind IN ('extension', 'external')),
  score           numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
  source          text,
  updated_by      bigint,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (department_code, year, quarter, kind),
  CHECK (kind <> 'external' OR (source IS NOT NULL AND btrim(source) <> ''))
);

-- 每季度一次排序: versions per quarter; a published version is frozen, a later one supersedes it.
CREATE TABLE quarter_ranking (
  id               bigserial PRIMARY KEY,
  year             integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  quarter          integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  version          integer NOT NULL CHECK (version >= 1),
  status           text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'superseded')),
  supersedes_id    bigint REFERENCES quarter_ranking(id),
  reason           text,
  as_of            date NOT NULL,
  extension_weight numeric(4, 3) NOT NULL,
  entries          jsonb NOT NULL,  -- [{departmentCode, departmentName, class, officeScore, extensionScore, externalScore, finalScore, rank, basis}]
  explanation      jsonb NOT NULL,  -- {departmentCode: QuarterScore}
  computed_by      bigint,
  computed_at      timestamptz NOT NULL DEFAULT now(),
  published_by     bigint,
  published_at     timestamptz,
  UNIQUE (year, quarter, version)
);
CREATE UNIQUE INDEX quarter_ranking_one_draft ON quarter_ranking (year, quarter) WHERE status = 'draft';
CREATE UNIQUE INDEX quarter_ranking_one_published ON quarter_ranking (year, quarter) WHERE status = 'published';

-- 每季度一次通报: generated from a published ranking, approved by the county leader, delivered to every department.
CREATE TABLE linkage_notice (
  id           bigserial PRIMARY KEY,
  ranking_id   bigint NOT NULL UNIQUE REFERENCES quarter_ranking(id),
  year         integer NOT NULL,
  quarter      integer NOT NULL CHECK (quarter BETWEEN 1 AND 4),
  title        text NOT NULL CHECK (btrim(title) <> ''),
  body         text NOT NULL CHECK (btrim(body) <> ''),
  lagging      jsonb NOT NULL DEFAULT '[]',  -- department codes flagged for the county-wide notice
  status       text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'delivered')),
  created_by   bigint,
  created_at   timestamptz NOT NULL DEFAULT now(),
  approved_by  bigint,
  approved_at  timestamptz
);

CREATE TABLE notice_receipt (
  notice_id       bigint NOT NULL REFERENCES linkage_notice(id),
  department_code text NOT NULL REFERENCES department(code),
  delivered_at    timestamptz NOT NULL DEFAULT now(),
  read_at         timestamptz,
  read_by         bigint,
  PRIMARY KEY (notice_id, department_code)
);
