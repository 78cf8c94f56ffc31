-- Registry: households (户), persons (人), income (收支), change history.

CREATE TABLE household (
  id                    bigserial PRIMARY KEY,
  household_no          varchar(32) NOT NULL UNIQUE,
  village_code          varchar(12) NOT NULL REFERENCES area(code),
  address               text,
  phone                 varchar(20),
  household_type        text NOT NULL CHECK (household_type IN ('alleviated', 'ordinary')),
  alleviation_year      smallint CHECK (alleviation_year BETWEEN 2013 AND 2020),
  monitor_category      text CHECK (monitor_category IN ('unstable', 'marginal', 'sudden')),
  monitor_identified_on date,
  risk_types            text[] NOT NULL DEFAULT '{}' CHECK (cardinality(risk_types) <= 5),
  risk_eliminated       boolean NOT NULL DEFAULT false,
  elimination_method    text CHECK (elimination_method IN ('assisted', 'natural')),
  eliminated_on         date,
  monitor_contact       text,
  helper_name           text,
  helper_user_id        bigint REFERENCES user_account(id),
  relocated             boolean NOT NULL DEFAULT false,
  relocation_site       text,
  no_labour_guarantee   boolean NOT NULL DEFAULT false,
  dibao                 boolean NOT NULL DEFAULT false,
  tekun                 boolean NOT NULL DEFAULT false,
  housing_unsafe        boolean NOT NULL DEFAULT false,
  schooling_dropout     boolean NOT NULL DEFAULT false,
  water_unsafe          boolean NOT NULL DEFAULT false,
  medical_uninsured     boolean NOT NULL DEFAULT false,
  member_count          integer NOT NULL DEFAULT 0,
  income_year           smallint,
  per_capita_net_income numeric(12, 2),
  version               integer NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CHECK (household_type = 'alleviated' OR alleviation_year IS NULL),
  CHECK (NOT risk_eliminated OR (monitor_category IS NOT NULL AND elimination_method IS NOT NULL))
);
CREATE INDEX household_village_idx ON household (village_code, id);
CREATE INDEX household_monitor_idx ON household (monitor_category, village_code) WHERE monitor_category IS NOT NULL;
CREATE INDEX household_helper_idx ON household (helper_user_id) WHERE helper_user_id IS NOT NULL;

CREATE TABLE person (
  id                         bigserial PRIMARY KEY,
  household_id               bigint NOT NULL REFERENCES household(id),
  name                       varchar(64) NOT NULL,
  sex                        text NOT NULL CHECK (sex IN ('male', 'female')),
  id_type                    text NOT NULL DEFAULT 'resident_id' CHECK (id_type IN ('resident_id', 'disability_card')),
  id_number                  varchar(22) NOT NULL,
  identity_key               varchar(18) NOT NULL UNIQUE,   -- the 18-digit ID inside either form
  birth_date                 date NOT NULL,
  relation                   text NOT NULL,
  ethnicity                  text NOT NULL DEFAULT 'han',
  political_status           text NOT NULL DEFAULT 'masses',
  education                  text,
  school_status              text NOT NULL DEFAULT 'none',
  health                     text NOT NULL DEFAULT 'healthy' CHECK (health IN ('healthy', 'chronic', 'serious_illness', 'disabled')),
  disability_category        smallint CHECK (disability_category BETWEEN 1 AND 7),
  disability_grade           smallint CHECK (disability_grade BETWEEN 1 AND 4),
  labour_skill               text NOT NULL CHECK (labour_skill IN ('skilled', 'ordinary', 'weak', 'lost', 'none')),
  work_location              text NOT NULL DEFAULT 'none' CHECK (work_location IN ('none', 'in_county', 'in_province', 'out_province')),
  work_months                smallint NOT NULL DEFAULT 0 CHECK (work_months BETWEEN 0 AND 12),
  resident_medical_insurance boolean NOT NULL DEFAULT false,
  employee_medical_insurance boolean NOT NULL DEFAULT false,
  critical_illness_insurance boolean NOT NULL DEFAULT false,
  pension_insurance          boolean NOT NULL DEFAULT false,
  dibao                      boolean NOT NULL DEFAULT false,
  tekun                      boolean NOT NULL DEFAULT false,
  public_welfare_post        boolean NOT NULL DEFAULT false,
  post_months                smallint NOT NULL DEFAULT 0 CHECK (post_months BETWEEN 0 AND 12),
  skill_certificate          boolean NOT NULL DEFAULT false,
  created_at                 timestamptz NOT NULL DEFAULT now(),
  updated_at                 timestamptz NOT NULL DEFAULT now(),
  CHECK ((health = 'disabled') = (disability_category IS NOT NULL))
);
CREATE INDEX person_household_idx ON person (household_id);
CREATE INDEX person_name_idx ON person (name varchar_pattern_ops);

CREATE TABLE household_income (
  household_id            bigint NOT NULL REFERENCES household(id),
  year                    smallint NOT NULL CHECK (year BETWEEN 2013 AND 2100),
  wage_income             numeric(12, 2) NOT NULL DEFAULT 0,
  business_income         numeric(12, 2) NOT NULL DEFAULT 0,
  property_income         numeric(12, 2) NOT NULL DEFAULT 0,
  transfer_income         numeric(12, 2) NOT NULL DEFAULT 0,
  business_expense        numeric(12, 2) NOT NULL DEFAULT 0,
  claim_income            numeric(12, 2) NOT NULL DEFAULT 0,
  out_of_pocket_expense   numeric(12, 2) NOT NULL DEFAULT 0,
  member_count            integer NOT NULL CHECK (member_count >= 1),
  net_income              numeric(12, 2) NOT NULL,
  per_capita_net_income   numeric(12, 2) NOT NULL,
  updated_at              timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (household_id, year)
);

CREATE TABLE household_history (
  id           bigserial PRIMARY KEY,
  household_id bigint NOT NULL REFERENCES household(id),
  at           timestamptz NOT NULL DEFAULT now(),
  user_id      bigint,
  username     text,
  entity_type  text NOT NULL CHECK (entity_type IN ('household', 'person', 'income')),
  entity_id    text NOT NULL,
  action       text NOT NULL CHECK (action IN ('create', 'update', 'delete')),
  changes      jsonb NOT NULL
);
CREATE INDEX household_history_idx ON household_history (household_id, at DESC);
