import type { AccessCaseProvider } from '../../testing/access-cases.js';

/** Every route of the assistance module with the users that get past access control. */
export const assistanceAccessCases: AccessCaseProvider = async () => [];
