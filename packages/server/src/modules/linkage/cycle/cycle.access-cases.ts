/** STUB — replaced by the cycle work: every route of this module with the roles allowed. */
import type { AccessCaseProvider } from '../../../testing/access-cases.js';

export const cycleAccessCases: AccessCaseProvider = async () => [];
