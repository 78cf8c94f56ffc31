/** The injected clock: production uses the system time; tests pass a fixed or movable one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const todayOf = (clock: Clock): string => clock().toISOString().slice(0, 10);

/** A clock that starts at `date` (YYYY-MM-DD, at the current time of day) and runs on from there. */
export function clockStartingAt(date: string, real: Clock = systemClock): Clock {
  const start = real();
  const target = new Date(`${date}T${start.toISOString().slice(11)}`);
  const offset = target.getTime() - start.getTime();
  return () => new Date(real().getTime() + offset);
}
