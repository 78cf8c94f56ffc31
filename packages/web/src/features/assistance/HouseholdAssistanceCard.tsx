/** Household page card: 帮扶 (helper, plan, measures, visits). Renders nothing until the feature fills it in. */
export function HouseholdAssistanceCard(_props: { householdId: number }) {
  return null;
}
