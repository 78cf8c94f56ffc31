/** Request/response schemas of the policy library (政策共享). */
import { z } from 'zod';
import { dateField, monthField, optionalText, pageFields, requiredText, textList, versionField } from '../linkage.fields.js';

export const POLICY_LEVELS = ['central', 'provincial', 'city', 'county'] as const;
export type PolicyLevel = (typeof POLICY_LEVELS)[number];
export const POLICY_LEVEL_LABELS: Record<PolicyLevel, string> = { central: '中央', provincial: '省级', city: '市级', county: '县级' };

const level = z.enum(POLICY_LEVELS, { error: '政策层级应为中央、省级、市级或县级（central/provincial/city/county）' });

export const policyInput = z.object({
  level,
  issuingBody: requiredText('发文机关', 100),
  docNumber: optionalText('文号', 60),
  issuedOn: dateField('印发日期'),
  title: requiredText('政策标题', 200),
  summary: requiredText('内容摘要', 4000),
  tags: textList('标签', 10, 20).default([]),
  link: z
    .url({ protocol: /^https?$/, error: '原文链接应为 http 或 https 网址' })
    .max(500, '原文链接不超过500字符')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** The name of an attachment kept elsewhere; uploading files is not supported yet. */
  attachmentName: optionalText('附件名称', 200),
});
export type PolicyInput = z.infer<typeof policyInput>;

export const updatePolicyBody = policyInput.extend({ version: versionField });

export const policyListQuery = z.object({
  level: level.optional(),
  tag: z.string().trim().max(20, '标签不超过20字').optional(),
  q: z.string().trim().max(40, '搜索内容过长').optional(),
  month: monthField.optional(),
  ...pageFields,
});
export type PolicyListQuery = z.infer<typeof policyListQuery>;

export const digestQuery = z.object({ month: monthField.optional() });

export const policyView = z.object({
  id: z.number(),
  level: z.enum(POLICY_LEVELS),
  levelLabel: z.string(),
  issuingBody: z.string(),
  docNumber: z.string().nullable(),
  issuedOn: z.string(),
  title: z.string(),
  summary: z.string(),
  tags: z.array(z.string()),
  link: z.string().nullable(),
  attachmentName: z.string().nullable(),
  publishedAt: z.string(),
  addedBy: z.string(),
  version: z.number(),
  readCount: z.number(),
  departmentCount: z.number(),
  /** For a department user: whether the department has read it; null for other roles. */
  readByMyDepartment: z.boolean().nullable(),
});
export type PolicyView = z.infer<typeof policyView>;

export const receiptsView = z.object({
  policyId: z.number(),
  readCount: z.number(),
  departmentCount: z.number(),
  items: z.array(z.object({
    departmentCode: z.string(),
    departmentName: z.string(),
    departmentClass: z.string(),
    read: z.boolean(),
    readAt: z.string().nullable(),
    readerName: z.string().nullable(),
  })),
});

export const digestView = z.object({
  month: z.string(),
  total: z.number(),
  departmentCount: z.number(),
  groups: z.array(z.object({
    level: z.enum(POLICY_LEVELS),
    label: z.string(),
    items: z.array(z.object({
      id: z.number(),
      title: z.string(),
      issuingBody: z.string(),
      docNumber: z.string().nullable(),
      issuedOn: z.string(),
      publishedAt: z.string(),
      tags: z.array(z.string()),
      readCount: z.number(),
    })),
  })),
});
