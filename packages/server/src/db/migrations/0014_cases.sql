-- 识别纳入 / 风险消除 cases: the county's deadline and elimination settings, village notices (公示 / 公告) with the
-- cases they list, and 风险消除回退 (rollbacks of a risk elimination).

-- Settings edited by the county office: 'deadlines' (DeadlineConfigInput of workflow/deadline.rules.ts) and
-- 'elimination' ({ stabilityMonths, eliminateNoLabourHouseholds }). One row per key; every change is audited.
CREATE TABLE case_setting (
  key         text PRIMARY KEY CHECK (key IN ('deadlines', 'elimination')),
  value       jsonb NOT NULL,
  version     integer NOT NULL DEFAULT 1,
  updated_by  bigint REFERENCES user_account(id),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- 村内公示 / 结果公告 built from the cases of a review batch of one village. A draft is generated (and may be
-- regenerated); posting it runs the cases' step (民主评议通过 / 发布结果公告) and fixes the date and the period.
CREATE TABLE case_notice (
  id                 bigserial PRIMARY KEY,
  kind               text NOT NULL CHECK (kind IN ('identification_publicity', 'identification_result', 'elimination_publicity', 'elimination_result')),
  village_code       varchar(12) NOT NULL REFERENCES area(code),
  status             text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'posted', 'cancelled')),
  title              text NOT NULL,
  content            jsonb NOT NULL,          -- the built notice (title, intro, columns, rows, period, footer, text)
  contact_phone      varchar(20),             -- the one number a notice may carry (for objections)
  posted_on          date,
  period_from        date,
  period_to          date,
  earliest_next_on   date,
  created_by         bigint REFERENCES user_account(id),
  posted_by          bigint REFERENCES user_account(id),
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CHECK (status <> 'posted' OR posted_on IS NOT NULL)
);
CREATE INDEX case_notice_area_idx ON case_notice (village_code, kind, status);

CREATE TABLE case_notice_case (
  notice_id  bigint NOT NULL REFERENCES case_notice(id),
  case_id    bigint NOT NULL REFERENCES monitoring_case(id),
  PRIMARY KEY (notice_id, case_id)
);
CREATE INDEX case_notice_case_case_idx ON case_notice_case (case_id);

-- 风险消除回退: the county office takes a household's risk elimination back (a new risk after elimination).
CREATE TABLE elimination_rollback (
  id                  bigserial PRIMARY KEY,
  household_id        bigint NOT NULL REFERENCES household(id),
  elimination_case_id bigint REFERENCES monitoring_case(id),
  rolled_back_on      date NOT NULL,
  reason              text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  previous            jsonb NOT NULL,         -- elimination_method and eliminated_on before the rollback
  rolled_back_by      bigint REFERENCES user_account(id),
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elimination_rollback_household_idx ON elimination_rollback (household_id, id);
