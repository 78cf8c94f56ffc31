/** Household page card: 预警线索 (warnings about this household). Renders nothing until the feature fills it in. */
export function HouseholdWarningsCard(_props: { householdId: number }) {
  return null;
}
