export interface Submission {
  requestId: number;
  departmentCode: string;
  departmentName: string;
  status: 'pending' | 'submitted';
  submittedOn: string | null;
  submittedAt: string | null;
  note: string | null;
  late: boolean;
}

export interface SubmissionRequest {
  id: number;
  title: string;
  description: string | null;
  dueDate: string;
  createdAt: string;
  /** Every addressed department's submission; a department user gets the own one only. */
  submissions: Submission[];
}

export interface SubmissionRequestBody {
  title: string;
  description?: string | null;
  dueDate: string;
  departmentCodes: string[];
}
