/** The injected clock: production uses the system time; tests pass a fixed or movable one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const todayOf = (clock: Clock): string => clock().toISOString().slice(0, 10);
