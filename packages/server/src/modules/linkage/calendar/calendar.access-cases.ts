import type { AccessCaseProvider } from '../../../testing/access-cases.js';

const LINKAGE_READERS = ['county', 'leader', 'dept', 'inspector'];

export const calendarAccessCases: AccessCaseProvider = async () => [
  { method: 'GET', url: '/api/linkage/calendar?month=2026-11', route: '/api/linkage/calendar', allowed: LINKAGE_READERS },
];
