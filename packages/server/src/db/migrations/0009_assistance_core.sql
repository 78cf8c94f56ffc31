-- Assistance (早帮扶) and follow-up (稳消除) records read across features: the 帮扶责任人 registry and assignments,
-- help plans and their measures, visits, monthly assessments and the follow-up tasks that ask for them.

-- 帮扶责任人: a public official (name, unit, phone); may have a login (role helper).
CREATE TABLE helper_person (
  id          bigserial PRIMARY KEY,
  name        varchar(64) NOT NULL,
  unit        text NOT NULL,                        -- 工作单位
  position    text,                                 -- 职务
  phone       varchar(20),
  area_code   varchar(12) NOT NULL REFERENCES area(code),   -- the county or township the official serves in
  user_id     bigint UNIQUE REFERENCES user_account(id),
  active      boolean NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX helper_person_area_idx ON helper_person (area_code);

-- Who helps which household, with history: one open assignment per household. The household row mirrors the
-- current one (household.helper_name / helper_user_id) for the registry and the helper role's scope.
CREATE TABLE helper_assignment (
  id            bigserial PRIMARY KEY,
  household_id  bigint NOT NULL REFERENCES household(id),
  helper_id     bigint NOT NULL REFERENCES helper_person(id),
  assigned_on   date NOT NULL,
  ended_on      date,
  reason        text,                               -- why assigned / reassigned
  assigned_by   bigint REFERENCES user_account(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (ended_on IS NULL OR ended_on >= assigned_on)
);
CREATE UNIQUE INDEX helper_assignment_open_uq ON helper_assignment (household_id) WHERE ended_on IS NULL;
CREATE INDEX helper_assignment_helper_idx ON helper_assignment (helper_id) WHERE ended_on IS NULL;

-- 帮扶计划: made within 10 days of the county approval of the identification case.
CREATE TABLE help_plan (
  id            bigserial PRIMARY KEY,
  household_id  bigint NOT NULL REFERENCES household(id),
  case_id       bigint REFERENCES monitoring_case(id),
  made_on       date NOT NULL,
  due_on        date,                               -- county approval + the help-plan deadline rule
  status        text NOT NULL DEFAULT 'active' CHECK (status IN ('draft', 'active', 'closed')),
  notes         text,
  version       integer NOT NULL DEFAULT 1,
  created_by    bigint REFERENCES user_account(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX help_plan_household_idx ON help_plan (household_id);

-- A measure of a plan, from the catalogue (monitoring/measures.ts), then 已落实 with date and evidence.
CREATE TABLE help_measure (
  id               bigserial PRIMARY KEY,
  plan_id          bigint NOT NULL REFERENCES help_plan(id),
  household_id     bigint NOT NULL REFERENCES household(id),
  measure_code     text NOT NULL,
  department_code  text REFERENCES department(code),    -- responsible department
  amount           numeric(12, 2) CHECK (amount IS NULL OR amount >= 0),
  planned_on       date NOT NULL,
  status           text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'implemented', 'cancelled')),
  implemented_on   date,
  evidence_note    text,
  warning_id       bigint REFERENCES warning(id),        -- the warning this assistance answers (department +2)
  version          integer NOT NULL DEFAULT 1,
  created_by       bigint REFERENCES user_account(id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'implemented' OR implemented_on IS NOT NULL)
);
CREATE INDEX help_measure_household_idx ON help_measure (household_id, status);
CREATE INDEX help_measure_department_idx ON help_measure (department_code, status);

-- 走访: 入户 / 电话 / 帮扶日, with the "四个一" done on a 帮扶日.
CREATE TABLE visit (
  id               bigserial PRIMARY KEY,
  household_id     bigint NOT NULL REFERENCES household(id),
  helper_id        bigint REFERENCES helper_person(id),
  visitor_user_id  bigint REFERENCES user_account(id),
  visited_on       date NOT NULL,
  kind             text NOT NULL CHECK (kind IN ('home', 'phone', 'help_day')),
  four_ones        text[] NOT NULL DEFAULT '{}',          -- survey, practical_matter, policy_talk, yard_cleaning
  notes            text CHECK (length(notes) <= 2000),
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX visit_household_idx ON visit (household_id, visited_on DESC);

-- 月评估 of a household not yet eliminated (and 已消除月排查 findings): the month's figures the elimination
-- criteria read (income stability, 三保障 + 饮水, new risks).
CREATE TABLE household_assessment (
  id                     bigserial PRIMARY KEY,
  household_id           bigint NOT NULL REFERENCES household(id),
  month                  varchar(7) NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  assessed_on            date NOT NULL,
  per_capita_net_income  numeric(12, 2),                   -- the month's per-capita net income, annualised (元/年)
  housing_unsafe         boolean NOT NULL DEFAULT false,
  schooling_dropout      boolean NOT NULL DEFAULT false,
  medical_uninsured      boolean NOT NULL DEFAULT false,
  water_unsafe           boolean NOT NULL DEFAULT false,
  new_risk_types         text[] NOT NULL DEFAULT '{}',
  notes                  text,
  assessed_by            bigint REFERENCES user_account(id),
  created_at             timestamptz NOT NULL DEFAULT now(),
  UNIQUE (household_id, month)
);

-- Monthly follow-up tasks generated by the scheduled job (idempotent: one per kind, household and month).
CREATE TABLE followup_task (
  id            bigserial PRIMARY KEY,
  kind          text NOT NULL CHECK (kind IN ('revisit', 'assessment')),   -- 已消除月排查 / 未消除月评估
  household_id  bigint NOT NULL REFERENCES household(id),
  village_code  varchar(12) NOT NULL REFERENCES area(code),
  month         varchar(7) NOT NULL,
  due_on        date NOT NULL,
  status        text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  done_on       date,
  done_by       bigint REFERENCES user_account(id),
  assessment_id bigint REFERENCES household_assessment(id),
  outcome       text,                                      -- e.g. no_change / new_risk / rollback_requested
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kind, household_id, month)
);
CREATE INDEX followup_task_area_idx ON followup_task (village_code, month, status);
