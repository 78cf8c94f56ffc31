import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the cases module with the users that get past access control. */
export const casesAccessCases: AccessCaseProvider = async () => [];
