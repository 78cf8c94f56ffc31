-- Follow-up task generation and data-quality checks: job runs (scheduled or on demand), the findings of the
-- quality checks with their life (first seen, last seen, resolved) and the settings of both.

-- One run of a background job: 月度任务生成 (followup_tasks) or 数据质量检查 (quality_checks).
CREATE TABLE job_run (
  id           bigserial PRIMARY KEY,
  job          text NOT NULL CHECK (job IN ('followup_tasks', 'quality_checks')),
  trigger      text NOT NULL CHECK (trigger IN ('schedule', 'manual', 'demo')),
  period       varchar(7),                          -- the month a task generation run was for
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  status       text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
  counts       jsonb NOT NULL DEFAULT '{}',
  error        text,
  started_by   bigint REFERENCES user_account(id)
);
CREATE INDEX job_run_job_idx ON job_run (job, started_at DESC);

-- A finding of a quality rule about a household (and a member for person rules). One open finding per rule and
-- subject; a later run that no longer finds it marks it resolved; finding it again after that opens a new row.
CREATE TABLE quality_finding (
  id             bigserial PRIMARY KEY,
  rule_code      text NOT NULL,
  household_id   bigint NOT NULL REFERENCES household(id),
  person_id      bigint REFERENCES person(id) ON DELETE SET NULL,
  subject_key    text NOT NULL,                      -- household id, or household id ':' person id
  village_code   varchar(12) NOT NULL REFERENCES area(code),
  message        text NOT NULL,
  details        jsonb NOT NULL DEFAULT '{}',
  first_run_id   bigint NOT NULL REFERENCES job_run(id),
  last_run_id    bigint NOT NULL REFERENCES job_run(id),
  first_seen_on  date NOT NULL,
  last_seen_on   date NOT NULL,
  resolved_on    date
);
CREATE UNIQUE INDEX quality_finding_open_uq ON quality_finding (rule_code, subject_key) WHERE resolved_on IS NULL;
CREATE INDEX quality_finding_area_idx ON quality_finding (village_code, rule_code) WHERE resolved_on IS NULL;
CREATE INDEX quality_finding_household_idx ON quality_finding (household_id);

-- Settings of the follow-up and quality features (one row per key), edited by the county office.
CREATE TABLE quality_setting (
  key         text PRIMARY KEY CHECK (key IN ('followup_due_day')),
  value       jsonb NOT NULL,
  updated_by  bigint REFERENCES user_account(id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
