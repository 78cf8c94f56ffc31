import type { PolicyLevel } from './types';

/** 政策层级 options of the filters and the form (saved policies carry their own levelLabel). */
export const POLICY_LEVEL_OPTIONS: { value: PolicyLevel; label: string }[] = [
  { value: 'central', label: '中央' },
  { value: 'provincial', label: '省级' },
  { value: 'city', label: '市级' },
  { value: 'county', label: '县级' },
];

export const POLICY_LEVEL_COLORS: Record<PolicyLevel, string> = { central: 'red', provincial: 'volcano', city: 'blue', county: 'green' };
