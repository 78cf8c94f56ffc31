/** STUB — replaced by the scoring work: every route of this module with the roles allowed. */
import type { AccessCaseProvider } from '../../../testing/access-cases.js';

export const scoringAccessCases: AccessCaseProvider = async () => [];
