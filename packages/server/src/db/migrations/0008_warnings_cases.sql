-- Shared tables of early warning (预警) and the identification / risk-elimination workflows (识别纳入, 风险消除):
-- the 公安 rural roster (农村人口底册), warnings with their "why flagged" hits, monitoring cases on the shared
-- state machine, and the step records of every workflow machine.

-- 农村人口底册: people in the 公安 household register who are not necessarily in the registry (一般农户 too).
CREATE TABLE roster_person (
  id             bigserial PRIMARY KEY,
  identity_key   varchar(18) NOT NULL UNIQUE,          -- the 18-digit resident ID
  name           varchar(64) NOT NULL,
  sex            text NOT NULL CHECK (sex IN ('male', 'female')),
  birth_date     date NOT NULL,
  village_code   varchar(12) NOT NULL REFERENCES area(code),
  hukou_no       varchar(32),                          -- 户号 in the 公安 register
  relation       text,                                 -- relation to the 户主 as written in the register
  address        text,
  import_id      bigint,                               -- the import that last wrote the row
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roster_person_village_idx ON roster_person (village_code);

-- Monitoring cases: 识别纳入 (identification) and 风险消除 (elimination), one row per case. The lifecycle columns
-- are the domain's WorkflowCase; `facts` holds what the machine's guards read.
CREATE TABLE monitoring_case (
  id                bigserial PRIMARY KEY,
  kind              text NOT NULL CHECK (kind IN ('identification', 'elimination')),
  household_id      bigint NOT NULL REFERENCES household(id),
  village_code      varchar(12) NOT NULL REFERENCES area(code),
  state             text NOT NULL,
  terminal          boolean NOT NULL DEFAULT false,
  version           integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  opened_on         date NOT NULL,
  state_entered_on  date NOT NULL,
  closed_on         date,
  done_sub_steps    text[] NOT NULL DEFAULT '{}',
  open_objections   integer NOT NULL DEFAULT 0 CHECK (open_objections >= 0),
  last_actor_id     text,
  overrides         text[] NOT NULL DEFAULT '{}',
  facts             jsonb NOT NULL,
  source_warning_id bigint,
  opened_by         bigint REFERENCES user_account(id),
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
-- At most one open case of each kind per household.
CREATE UNIQUE INDEX monitoring_case_open_uq ON monitoring_case (household_id, kind) WHERE NOT terminal;
CREATE INDEX monitoring_case_area_idx ON monitoring_case (village_code, kind, state);
CREATE INDEX monitoring_case_household_idx ON monitoring_case (household_id, id);

-- 预警: a clue about a person or household from 信息比对, 部门信息预警, 一码通 or 排查, verified by the township.
CREATE TABLE warning (
  id                       bigserial PRIMARY KEY,
  source                   text NOT NULL CHECK (source IN ('comparison', 'instant', 'self_report', 'screening')),
  pushing_department_code  text REFERENCES department(code),
  village_code             varchar(12) NOT NULL REFERENCES area(code),
  household_id             bigint REFERENCES household(id),
  person_id                bigint REFERENCES person(id),
  roster_person_id         bigint REFERENCES roster_person(id),
  subject_identity_key     varchar(18),
  subject_name             varchar(64),
  subject_group            text CHECK (subject_group IN ('alleviated', 'monitored', 'ordinary')),
  risk_types               text[] NOT NULL DEFAULT '{}',
  output_kind              text NOT NULL DEFAULT 'risk_clue' CHECK (output_kind IN ('risk_clue', 'suspected_problem')),
  rule_code                text,
  title                    text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description              text CHECK (length(description) <= 2000),
  -- lifecycle (WorkflowCase of warning.workflow.ts)
  state                    text NOT NULL DEFAULT 'pushed' CHECK (state IN ('pushed', 'verifying', 'included', 'already_monitored', 'not_included', 'duplicate')),
  terminal                 boolean NOT NULL DEFAULT false,
  version                  integer NOT NULL DEFAULT 1 CHECK (version >= 1),
  opened_on                date NOT NULL,
  state_entered_on         date NOT NULL,
  closed_on                date,
  done_sub_steps           text[] NOT NULL DEFAULT '{}',
  open_objections          integer NOT NULL DEFAULT 0,
  last_actor_id            text,
  overrides                text[] NOT NULL DEFAULT '{}',
  facts                    jsonb NOT NULL,
  outcome_remarks          text,
  duplicate_of             text,
  case_id                  bigint REFERENCES monitoring_case(id),
  assistance_added         boolean NOT NULL DEFAULT false,
  created_by               bigint REFERENCES user_account(id),
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK (source NOT IN ('comparison', 'instant') OR pushing_department_code IS NOT NULL OR created_by IS NOT NULL)
);
CREATE INDEX warning_area_idx ON warning (village_code, state);
CREATE INDEX warning_open_subject_idx ON warning (subject_identity_key, rule_code) WHERE NOT terminal;
CREATE INDEX warning_household_idx ON warning (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX warning_department_idx ON warning (pushing_department_code, opened_on) WHERE pushing_department_code IS NOT NULL;
ALTER TABLE monitoring_case ADD CONSTRAINT monitoring_case_source_warning_fk FOREIGN KEY (source_warning_id) REFERENCES warning(id);

-- Why a warning was raised: one row per hit (a comparison row, an instant push, a self-report, a screening visit).
-- A later hit for the same person and rule while the warning is open is attached here, not a new warning.
CREATE TABLE warning_hit (
  id               bigserial PRIMARY KEY,
  warning_id       bigint NOT NULL REFERENCES warning(id),
  source_type      text NOT NULL CHECK (source_type IN ('comparison_row', 'instant', 'self_report', 'screening_visit')),
  source_ref       text,                                 -- e.g. comparison run id, self-report id, screening visit id
  idempotency_key  text UNIQUE,                          -- comparison: file + row + rule version (re-runs add nothing)
  rule_code        text,
  rule_version     integer,
  source_file      text,
  source_row       integer,
  explanation      jsonb NOT NULL,                       -- the "why flagged": rule, version, file, row, triggering values
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX warning_hit_warning_idx ON warning_hit (warning_id, id);

-- Step records of every workflow machine (warning, identification, elimination): who, when, outcome, remarks,
-- attachments. `seq` is the case version after the step; (machine, case_id, seq) is unique, so two users acting on
-- the same version cannot both write (optimistic locking backs the version check).
CREATE TABLE workflow_step (
  id               bigserial PRIMARY KEY,
  machine          text NOT NULL CHECK (machine IN ('warning', 'identification', 'elimination')),
  case_id          bigint NOT NULL,
  seq              integer NOT NULL,
  event            text NOT NULL,
  label            text NOT NULL,
  from_state       text,
  to_state         text NOT NULL,
  actor_id         bigint REFERENCES user_account(id),
  actor_role       text NOT NULL,
  actor_name       text,
  at               timestamptz NOT NULL,
  on_date          date NOT NULL,
  outcome          text NOT NULL,
  remarks          text,
  attachments      bigint[] NOT NULL DEFAULT '{}',
  sub_step         text,
  bypassed_guards  text[] NOT NULL DEFAULT '{}',
  payload          jsonb,
  effects          text[] NOT NULL DEFAULT '{}',
  UNIQUE (machine, case_id, seq)
);

-- Evidence files on the new records (the service resolves each owner's scope).
ALTER TABLE attachment DROP CONSTRAINT attachment_owner_type_check;
ALTER TABLE attachment ADD CONSTRAINT attachment_owner_type_check CHECK (owner_type IN ('rectification', 'warning', 'monitoring_case', 'visit', 'help_measure'));
