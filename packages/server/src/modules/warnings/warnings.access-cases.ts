import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the warnings module with the users that get past access control. */
export const warningsAccessCases: AccessCaseProvider = async () => [];
