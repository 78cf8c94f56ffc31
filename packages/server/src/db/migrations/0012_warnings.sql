-- 预警 settings (issue 3 §8): the township's verification deadline for a warning and the due-soon reminder, edited by
-- the county office (audited). One row; the defaults are domain.md §4 (5 calendar days, reminder 1 day before).
CREATE TABLE warning_setting (
  id                 boolean PRIMARY KEY DEFAULT true CHECK (id),
  verification_days  integer NOT NULL DEFAULT 5 CHECK (verification_days BETWEEN 1 AND 60),
  counting           text NOT NULL DEFAULT 'calendar' CHECK (counting IN ('calendar', 'working')),
  due_soon_days      integer NOT NULL DEFAULT 1 CHECK (due_soon_days >= 0 AND due_soon_days <= verification_days),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  updated_by         bigint REFERENCES user_account(id)
);
INSERT INTO warning_setting (id) VALUES (true);

-- Lists filter open warnings by the day they were pushed (overdue / due soon) and by source and state.
CREATE INDEX warning_opened_idx ON warning (opened_on, state);
CREATE INDEX warning_case_idx ON warning (case_id) WHERE case_id IS NOT NULL;
