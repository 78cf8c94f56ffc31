/** Response schemas shared by every workflow's routes: recorded steps and the actions offered now. */
import { z } from 'zod';

export const stepSchema = z.object({
  seq: z.number(),
  event: z.string(),
  label: z.string(),
  fromState: z.string().nullable(),
  toState: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  at: z.string(),
  on: z.string(),
  outcome: z.string(),
  outcomeLabel: z.string(),
  remarks: z.string().nullable(),
  attachments: z.array(z.number()),
  subStep: z.string().nullable(),
  bypassedGuards: z.array(z.string()),
  payload: z.unknown(),
});

/** A deadline evaluation (DeadlineEvaluation of the domain). */
export const deadlineSchema = z.object({
  rule: z.string(),
  kind: z.string(),
  start: z.string(),
  date: z.string(),
  status: z.string().nullable(),
  reached: z.boolean(),
  daysRemaining: z.number(),
  text: z.string(),
});

export const actionSchema = z.object({
  event: z.string(),
  label: z.string(),
  to: z.string(),
  outcome: z.string(),
  remarksRequired: z.boolean(),
  blockedReason: z.string().nullable(),
  deadlines: z.array(deadlineSchema),
});

/** Body of a step request: the event, remarks, attachment ids, payload and the version the user saw. */
export const stepBodyBase = z.object({
  event: z.string().min(1, '请选择要执行的操作'),
  remarks: z.string().max(2000, '说明不能超过2000字').nullish(),
  attachments: z.array(z.number().int().positive()).max(20).optional(),
  expectedVersion: z.number().int().positive({ error: '缺少版本号，请刷新后重试' }),
});
