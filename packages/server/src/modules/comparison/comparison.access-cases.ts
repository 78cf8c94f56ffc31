import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the comparison module with the users that get past access control. */
export const comparisonAccessCases: AccessCaseProvider = async () => [];
