import { hash, verify } from '@node-rs/argon2';

export const hashPassword = (plain: string) => hash(plain);
export const verifyPassword = (hashed: string, plain: string) => verify(hashed, plain).catch(() => false);

/** A hash to verify against when the user does not exist, so both paths cost the same. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hash('dummy-password-for-timing'));

export const PASSWORD_RULE = { min: 8, message: '密码至少8位，且须包含字母和数字' };
export const isStrongEnough = (p: string) => p.length >= PASSWORD_RULE.min && /[A-Za-z]/.test(p) && /\d/.test(p);
