-- Assistance (早帮扶) additions: the county's assistance settings (e.g. the "no visit in N days" threshold),
-- optimistic locking of 帮扶责任人 records, the reason a measure was cancelled, and indexes the lists read.

CREATE TABLE assistance_setting (
  key         text PRIMARY KEY,
  value       jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  updated_by  bigint REFERENCES user_account(id)
);

ALTER TABLE helper_person ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE help_measure ADD COLUMN cancel_reason text;
ALTER TABLE help_measure ADD COLUMN content text CHECK (length(content) <= 500);
ALTER TABLE help_measure ADD COLUMN implemented_by bigint REFERENCES user_account(id);

CREATE UNIQUE INDEX help_plan_one_active_uq ON help_plan (household_id) WHERE status = 'active';
CREATE INDEX help_measure_plan_idx ON help_measure (plan_id, id);
CREATE INDEX visit_helper_idx ON visit (helper_id, visited_on);
CREATE INDEX visit_date_idx ON visit (visited_on);
CREATE INDEX helper_assignment_household_idx ON helper_assignment (household_id, id);
CREATE INDEX workflow_step_approval_idx ON workflow_step (machine, event, from_state, case_id);
