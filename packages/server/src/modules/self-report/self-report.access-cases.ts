import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the self-report module with the users that get past access control. */
export const selfReportAccessCases: AccessCaseProvider = async () => [];
