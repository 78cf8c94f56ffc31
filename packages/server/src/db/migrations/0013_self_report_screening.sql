-- 一码通 self-reports (农户自主申报) and village screening (村级月排查 · 集中排查).

-- Every household gets a stable, unguessable code for its QR card; the default covers every insert path (forms,
-- imports, COPY) and, being volatile, fills a fresh value into each existing row when the column is added.
ALTER TABLE household ADD COLUMN report_code varchar(32) NOT NULL DEFAULT replace(gen_random_uuid()::text, '-', '');
ALTER TABLE household ADD CONSTRAINT household_report_code_uq UNIQUE (report_code);

-- County-wide texts of the printed card (明白纸): the hotline. Absent → the card shows a placeholder.
CREATE TABLE outreach_setting (
  county_code varchar(6) PRIMARY KEY,
  hotline     text CHECK (length(hotline) <= 100),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

-- What a farmer submitted through the public page; the clue itself is the linked warning (source 'self_report').
CREATE TABLE self_report (
  id            bigserial PRIMARY KEY,
  household_id  bigint NOT NULL REFERENCES household(id),
  village_code  varchar(12) NOT NULL REFERENCES area(code),
  warning_id    bigint NOT NULL REFERENCES warning(id),
  hardships     text[] NOT NULL CHECK (cardinality(hardships) BETWEEN 1 AND 8),
  description   text NOT NULL CHECK (length(description) BETWEEN 1 AND 500),
  phone         varchar(20),
  photo_count   integer NOT NULL DEFAULT 0 CHECK (photo_count BETWEEN 0 AND 3),
  client_ip     text NOT NULL,
  submitted_at  timestamptz NOT NULL,
  submitted_on  date NOT NULL
);
CREATE INDEX self_report_household_idx ON self_report (household_id, submitted_at);
CREATE INDEX self_report_client_idx ON self_report (client_ip, submitted_at);
CREATE INDEX self_report_village_idx ON self_report (village_code, id);

-- Screening rounds of a county: one 村级月排查 per month, and 集中排查 campaigns with a date range.
CREATE TABLE screening_round (
  id          bigserial PRIMARY KEY,
  kind        text NOT NULL CHECK (kind IN ('monthly', 'campaign')),
  county_code varchar(12) NOT NULL REFERENCES area(code),
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  month       varchar(7),
  starts_on   date NOT NULL,
  ends_on     date NOT NULL,
  note        text CHECK (length(note) <= 500),
  created_by  bigint REFERENCES user_account(id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (starts_on <= ends_on),
  CHECK ((kind = 'monthly') = (month IS NOT NULL))
);
CREATE UNIQUE INDEX screening_round_month_uq ON screening_round (county_code, month) WHERE kind = 'monthly';
CREATE INDEX screening_round_dates_idx ON screening_round (county_code, starts_on DESC);

-- One visit result per household and round. The list of households to visit is computed from the registry.
CREATE TABLE screening_visit (
  id            bigserial PRIMARY KEY,
  round_id      bigint NOT NULL REFERENCES screening_round(id),
  household_id  bigint NOT NULL REFERENCES household(id),
  village_code  varchar(12) NOT NULL REFERENCES area(code),
  result        text NOT NULL CHECK (result IN ('no_risk', 'risk_found')),
  risk_types    text[] NOT NULL DEFAULT '{}',
  note          text CHECK (length(note) <= 500),
  visited_on    date NOT NULL,
  visited_by    bigint NOT NULL REFERENCES user_account(id),
  warning_id    bigint REFERENCES warning(id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (round_id, household_id),
  CHECK (result = 'no_risk' OR cardinality(risk_types) >= 1)
);
CREATE INDEX screening_visit_village_idx ON screening_visit (round_id, village_code);
