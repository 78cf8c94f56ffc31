/** STUB — replaced by the sharing work: every route of this module with the roles allowed. */
import type { AccessCaseProvider } from '../../../testing/access-cases.js';

export const sharingAccessCases: AccessCaseProvider = async () => [];
