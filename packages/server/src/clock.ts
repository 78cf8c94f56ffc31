/** The injected clock: production uses the system time; tests pass a fixed or movable one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
/** Dates of the business (deadlines, months, quarters) are China Standard Time dates, whatever the server's zone. */
export const BUSINESS_TIME_ZONE = 'Asia/Shanghai';
const dateInZone = new Intl.DateTimeFormat('en-CA', { timeZone: BUSINESS_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today's date (YYYY-MM-DD) in China Standard Time. */
export const todayOf = (clock: Clock): string => dateInZone.format(clock());

/** A clock that starts at `date` (YYYY-MM-DD in China Standard Time, at the current time of day) and runs on. */
export function clockStartingAt(date: string, real: Clock = systemClock): Clock {
  const start = real();
  const offsetDays = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${todayOf(real)}T00:00:00Z`)) / 86_400_000;
  const target = new Date(start.getTime() + offsetDays * 86_400_000);
  const offset = target.getTime() - start.getTime();
  return () => new Date(real().getTime() + offset);
}
