-- "5+2" monthly cycle: department duty lists, monthly self-checks with their 整改台账, township rankings by
-- 紧密型 departments, and the monthly meetings (小结) with attendance and follow-up tasks.

CREATE TABLE department_duty (
  id              bigserial PRIMARY KEY,
  department_code text NOT NULL REFERENCES department(code),
  seq             integer NOT NULL CHECK (seq >= 1),
  text            text NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
  UNIQUE (department_code, seq)
);

CREATE TABLE self_check (
  id                 bigserial PRIMARY KEY,
  department_code    text NOT NULL REFERENCES department(code),
  month              varchar(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),
  summary            text NOT NULL DEFAULT '',
  due_date           date NOT NULL,
  submitted_at       timestamptz,            -- first submission; a report returned and submitted again keeps it
  last_submitted_at  timestamptz,
  submitted_late     boolean NOT NULL DEFAULT false,
  submitted_by       bigint REFERENCES user_account(id),
  reopened_count     integer NOT NULL DEFAULT 0 CHECK (reopened_count >= 0),
  last_reopen_reason text,
  version            integer NOT NULL DEFAULT 1,
  created_by         bigint REFERENCES user_account(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (department_code, month),
  CHECK (status = 'draft' OR submitted_at IS NOT NULL)
);
CREATE INDEX self_check_month_idx ON self_check (month, department_code);

CREATE TABLE rectification (
  id              bigserial PRIMARY KEY,
  self_check_id   bigint REFERENCES self_check(id),
  department_code text NOT NULL REFERENCES department(code),
  problem         text NOT NULL CHECK (length(problem) >= 1),
  measure         text NOT NULL DEFAULT '',
  owner           text NOT NULL DEFAULT '',
  deadline        date NOT NULL,
  status          text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'done', 'long_term')),
  done_on         date,
  evidence        jsonb NOT NULL DEFAULT '[]',
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (done_on IS NOT NULL)),
  CHECK (jsonb_typeof(evidence) = 'array')
);
CREATE INDEX rectification_self_check_idx ON rectification (self_check_id, id);
CREATE INDEX rectification_department_idx ON rectification (department_code, status, deadline);

CREATE TABLE township_ranking (
  id              bigserial PRIMARY KEY,
  department_code text NOT NULL REFERENCES department(code),
  month           varchar(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  county_code     varchar(6) NOT NULL,
  submitted_at    timestamptz NOT NULL,
  submitted_by    bigint REFERENCES user_account(id),
  UNIQUE (department_code, month)
);
CREATE INDEX township_ranking_month_idx ON township_ranking (month, department_code);

CREATE TABLE township_ranking_item (
  ranking_id    bigint NOT NULL REFERENCES township_ranking(id),
  township_code varchar(12) NOT NULL REFERENCES area(code),
  score         numeric(7, 2) NOT NULL CHECK (score >= 0),
  rank          integer NOT NULL CHECK (rank >= 1),
  remark        text,
  PRIMARY KEY (ranking_id, township_code)
);

CREATE TABLE meeting (
  id         bigserial PRIMARY KEY,
  kind       text NOT NULL CHECK (kind IN ('exchange', 'progress', 'observation')),
  held_on    date NOT NULL,
  title      text NOT NULL CHECK (length(title) >= 1),
  agenda     text NOT NULL DEFAULT '',
  minutes    text NOT NULL DEFAULT '',
  version    integer NOT NULL DEFAULT 1,
  created_by bigint REFERENCES user_account(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX meeting_held_on_idx ON meeting (held_on DESC, id DESC);

CREATE TABLE meeting_attendance (
  meeting_id      bigint NOT NULL REFERENCES meeting(id),
  department_code text NOT NULL REFERENCES department(code),
  status          text NOT NULL DEFAULT 'present' CHECK (status IN ('present', 'absent', 'improper', 'excused')),
  remark          text,
  PRIMARY KEY (meeting_id, department_code)
);
CREATE INDEX meeting_attendance_department_idx ON meeting_attendance (department_code, status);

CREATE TABLE meeting_task (
  id              bigserial PRIMARY KEY,
  meeting_id      bigint NOT NULL REFERENCES meeting(id),
  department_code text REFERENCES department(code),
  title           text NOT NULL CHECK (length(title) >= 1),
  deadline        date NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done')),
  done_on         date,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'done') = (done_on IS NOT NULL))
);
CREATE INDEX meeting_task_meeting_idx ON meeting_task (meeting_id, id);
CREATE INDEX meeting_task_department_idx ON meeting_task (department_code, status);
