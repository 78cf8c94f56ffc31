/** Household page card: 监测事项 (identification / elimination cases, elimination check). Renders nothing until the feature fills it in. */
export function HouseholdCasesCard(_props: { householdId: number }) {
  return null;
}
