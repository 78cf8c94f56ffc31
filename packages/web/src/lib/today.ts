/**
 * "Now" as the server sees the date: the server's business date (China Standard Time, or the date a demo or
 * training instance runs as) with the browser's time of day. Date defaults and limits use this, not the browser's
 * own calendar. Set from /api/auth/me.
 */
import dayjs, { type Dayjs } from 'dayjs';

let offsetDays = 0;

export function setServerToday(today: string): void {
  offsetDays = dayjs(today).startOf('day').diff(dayjs().startOf('day'), 'day');
}

export function serverNow(): Dayjs {
  return dayjs().add(offsetDays, 'day');
}
