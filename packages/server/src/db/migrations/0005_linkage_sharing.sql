-- "5+2" 两项机制: 信息共享 — 政策共享 (policy library with per-department read receipts) and
-- 协同处置 (joint-handling cases: 联防联控 / 联席会商 / 联合处置 / 交办, each with department tasks).

-- A policy in the library. No file upload yet: `link` points to the published text, `attachment_name` names a file kept elsewhere.
CREATE TABLE policy_doc (
  id              bigserial PRIMARY KEY,
  level           text NOT NULL CHECK (level IN ('central', 'provincial', 'city', 'county')),
  issuing_body    text NOT NULL,
  doc_number      text,
  issued_on       date NOT NULL,
  title           text NOT NULL,
  summary         text NOT NULL,
  tags            text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 10),
  link            text,
  attachment_name text,
  published_at    timestamptz NOT NULL,
  added_by        bigint NOT NULL REFERENCES user_account(id),
  version         integer NOT NULL DEFAULT 1,
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX policy_doc_number_key ON policy_doc (doc_number) WHERE doc_number IS NOT NULL;
CREATE INDEX policy_doc_published_idx ON policy_doc (published_at DESC, id DESC);
CREATE INDEX policy_doc_tags_idx ON policy_doc USING gin (tags);

-- A department has read a policy: recorded once, by the first of its users who marks it read.
CREATE TABLE policy_receipt (
  policy_id       bigint NOT NULL REFERENCES policy_doc(id),
  department_code text NOT NULL REFERENCES department(code),
  user_id         bigint NOT NULL REFERENCES user_account(id),
  read_at         timestamptz NOT NULL,
  PRIMARY KEY (policy_id, department_code)
);
CREATE INDEX policy_receipt_department_idx ON policy_receipt (department_code);

-- A joint-handling case. `details` holds the kind's own fields (consultation: participants, minutes, decisions;
-- joint_handling: team, findings, actions). kind 'assignment' = an item 交办 by the county office (scored).
CREATE TABLE coop_case (
  id           bigserial PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('joint_prevention', 'consultation', 'joint_handling', 'assignment')),
  title        text NOT NULL,
  description  text NOT NULL DEFAULT '',
  opened_on    date NOT NULL,
  opened_by    bigint NOT NULL REFERENCES user_account(id),
  household_id bigint REFERENCES household(id),
  subject      text,
  details      jsonb NOT NULL DEFAULT '{}',
  status       text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on    date,
  close_note   text,
  version      integer NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
  CHECK (status = 'open' OR close_note IS NOT NULL),
  CHECK (household_id IS NULL OR subject IS NULL)
);
CREATE INDEX coop_case_kind_status_idx ON coop_case (kind, status, opened_on DESC);
CREATE INDEX coop_case_household_idx ON coop_case (household_id) WHERE household_id IS NOT NULL;

-- A department's task within a case. closed_on is set when done or carried over (转入后续计划).
CREATE TABLE coop_task (
  id              bigserial PRIMARY KEY,
  case_id         bigint NOT NULL REFERENCES coop_case(id),
  department_code text NOT NULL REFERENCES department(code),
  title           text NOT NULL,
  deadline        date NOT NULL,
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'carried_over')),
  progress        text,
  result_note     text,
  carry_note      text,
  closed_on       date,
  version         integer NOT NULL DEFAULT 1,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'open') = (closed_on IS NULL)),
  CHECK (status <> 'done' OR result_note IS NOT NULL),
  CHECK (status <> 'carried_over' OR carry_note IS NOT NULL)
);
CREATE INDEX coop_task_case_idx ON coop_task (case_id, id);
CREATE INDEX coop_task_department_idx ON coop_task (department_code, status, deadline);
