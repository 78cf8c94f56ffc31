import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the imports module with the users that get past access control. */
export const importsAccessCases: AccessCaseProvider = async () => [];
