/** Shapes shared by the access-matrix test and the per-module case lists it gathers. */
import type { TestApp } from './fixture.js';

export interface AccessCase {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  /** Route pattern as registered (e.g. '/api/self-checks/:id'); defaults to `url` with numeric segments → ':id'. */
  route?: string;
  /** Usernames from fixture USERS that get past access control; 'public' for open routes. */
  allowed: string[] | 'public';
  body?: () => unknown;
}

/** A module's cases, built once the fixture app and one session per user exist (create the records you need). */
export type AccessCaseProvider = (t: TestApp, cookies: Record<string, string>) => Promise<AccessCase[]>;
