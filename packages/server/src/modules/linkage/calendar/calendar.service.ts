/** The calendar of what is due in a month, for the office (all departments) or one department. */
import { buildLinkageCalendar, type CalendarItem, type Month } from '@shouwang/domain';
import type { Db } from '../../../db/db.js';
import type { Clock } from '../../../clock.js';
import { todayOf } from '../../../clock.js';
import type { AuthedContext } from '../../../http/context.js';
import * as repo from './calendar.repository.js';
import { readSelfCheckDueDay } from '../scoring/settings.repository.js';

function previousMonth(m: Month): Month {
  const y = Number(m.slice(0, 4));
  const mo = Number(m.slice(5, 7));
  return mo === 1 ? `${y - 1}-12` : `${y}-${String(mo - 1).padStart(2, '0')}`;
}

export class CalendarService {
  constructor(private readonly db: Db, private readonly clock: Clock) {}

  async month(ctx: AuthedContext, month: Month): Promise<{ month: Month; items: CalendarItem[] }> {
    const dept = ctx.user.role === 'department_user' ? ctx.user.departmentCode : null;
    const [dueDay, departments, submitted, meetings, submissions, tasks] = await Promise.all([
      readSelfCheckDueDay(this.db),
      repo.departmentsFor(this.db, dept),
      repo.submittedSelfChecks(this.db, previousMonth(month)),
      repo.meetingsIn(this.db, month),
      repo.submissionsDueIn(this.db, month, dept),
      repo.tasksDueIn(this.db, month, dept),
    ]);
    const items = buildLinkageCalendar({
      month,
      today: todayOf(this.clock),
      selfCheckDueDay: dueDay,
      departments,
      selfCheckSubmitted: submitted,
      meetings,
      submissions: submissions.map((s) => ({ dueDate: s.due_date, title: s.title, departmentCode: s.department_code, submitted: s.submitted })),
      tasks: tasks.map((t) => ({ deadline: t.deadline, title: t.title, departmentCode: t.department_code, done: t.done })),
    });
    return { month, items };
  }
}
