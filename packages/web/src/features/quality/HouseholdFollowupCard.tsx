/** Household page card: 月度任务与数据质量问题 (follow-up tasks, open findings). Renders nothing until the feature fills it in. */
export function HouseholdFollowupCard(_props: { householdId: number }) {
  return null;
}
