import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the quality module with the users that get past access control. */
export const qualityAccessCases: AccessCaseProvider = async () => [];
