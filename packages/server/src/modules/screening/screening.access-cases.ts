import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the screening module with the users that get past access control. */
export const screeningAccessCases: AccessCaseProvider = async () => [];
