/**
 * Compact in-memory lookups for big comparison runs (a 650k roster + the registry, a 1M-row file): ID numbers are
 * keyed by two 32-bit integers parsed straight from the characters (no per-key string, no JS object per person), in
 * open-addressing hash tables over typed arrays. Subject details live in parallel typed arrays by a dense index.
 *
 * The key of an 18-character ID number (17 digits + digit or X) is hi = digits 1-9, lo = digits 10-17 × 11 + check
 * value (X = 10): it identifies the string exactly. Strings of any other form have no key; such a stored key can never
 * equal a normalised valid ID number (always 18 digits/X), so it is skipped when loading.
 *
 * `fastIdNumber` is the engine's fast path for the common row: an ID written exactly as 18 ASCII digits (or a final
 * upper-case X) that passes the same GB 11643 checks as the domain's `validateIdCard` (province 11-82, real birth date
 * from 1880, not after today, check character). Anything else (spaces, full-width digits, lower-case x, 残疾人证
 * numbers, any failure) returns false and the caller uses the domain's `rowIdNumber` for the exact result and reason;
 * a unit test compares both on valid, invalid and odd inputs.
 */
import { subjectGroup, type RegistryPerson, type SubjectGroup } from '@shouwang/domain';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_VALUE_OF_SUM = [1, 0, 10, 9, 8, 7, 6, 5, 4, 3, 2]; // '10X98765432' as values (X = 10)
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Output of `idKeyAt` / `fastIdNumber` (module scratch: avoids an object per call). */
export const idKey = { hi: 0, lo: 0 };

/** Parse the 18 characters of `s` at `start` into `idKey`; false when they are not 17 digits + digit/X. */
export function idKeyAt(s: string, start: number): boolean {
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(start + i) - 48;
    if (d < 0 || d > 9) return false;
    if (i < 9) hi = hi * 10 + d;
    else lo = lo * 10 + d;
  }
  const c = s.charCodeAt(start + 17);
  const check = c === 88 ? 10 : c - 48;
  if (check < 0 || check > 10) return false;
  idKey.hi = hi;
  idKey.lo = lo * 11 + check;
  return true;
}

/** `today` ('YYYY-MM-DD') as the number YYYYMMDD. */
export const ymdNumber = (today: string) => Number(today.slice(0, 4)) * 10000 + Number(today.slice(5, 7)) * 100 + Number(today.slice(8, 10));

/**
 * True when `raw` is a valid ID number written exactly in normalised form (then `rowIdNumber(raw)` is `{ok, raw}`);
 * `idKey` then holds its key. False means "not decided here": use `rowIdNumber`.
 */
export function fastIdNumber(raw: string, todayYmd: number): boolean {
  if (raw.length !== 18) return false;
  let hi = 0;
  let lo = 0;
  let sum = 0;
  let province = 0;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 17; i++) {
    const v = raw.charCodeAt(i) - 48;
    if (v < 0 || v > 9) return false;
    sum += v * WEIGHTS[i]!;
    if (i < 9) hi = hi * 10 + v;
    else lo = lo * 10 + v;
    if (i < 2) province = province * 10 + v;
    else if (i >= 6 && i < 10) y = y * 10 + v;
    else if (i >= 10 && i < 12) m = m * 10 + v;
    else if (i >= 12 && i < 14) d = d * 10 + v;
  }
  const c = raw.charCodeAt(17);
  const check = c === 88 ? 10 : c - 48;
  if (check < 0 || check > 10) return false;
  if (province < 11 || province > 82) return false;
  if (y < 1880 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS[m - 1]!)) return false;
  if (y * 10000 + m * 100 + d > todayYmd) return false;
  if (CHECK_VALUE_OF_SUM[sum % 11] !== check) return false;
  idKey.hi = hi;
  idKey.lo = lo * 11 + check;
  return true;
}

/**
 * Open-addressing hash table (linear probing): ID key (hi, lo) → non-negative int32 value. A slot is three int32s
 * side by side (hi, lo, value + 1; 0 = empty), so a probe touches one cache line.
 */
export class IdTable {
  private slots: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 1024;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
  }

  private slot(hi: number, lo: number): number {
    let h = Math.imul(hi ^ (lo >>> 15), 0x9e3779b1) ^ Math.imul(lo, 0x85ebca77);
    h ^= h >>> 16;
    return h & this.mask;
  }

  /** The value of the key, or -1. */
  get(hi: number, lo: number): number {
    const { slots, mask } = this;
    for (let i = this.slot(hi, lo); ; i = (i + 1) & mask) {
      const j = i * 3;
      const v = slots[j + 2]!;
      if (v === 0) return -1;
      if (slots[j] === hi && slots[j + 1] === lo) return v - 1;
    }
  }

  /** Insert when absent; returns the value now stored (the existing one when present). */
  add(hi: number, lo: number, value: number): number {
    if ((this.size + 1) * 2 > this.mask + 1) this.grow();
    const { slots, mask } = this;
    for (let i = this.slot(hi, lo); ; i = (i + 1) & mask) {
      const j = i * 3;
      const v = slots[j + 2]!;
      if (v === 0) {
        slots[j] = hi;
        slots[j + 1] = lo;
        slots[j + 2] = value + 1;
        this.size++;
        return value;
      }
      if (slots[j] === hi && slots[j + 1] === lo) return v - 1;
    }
  }

  private grow(): void {
    const old = this.slots;
    const cap = (this.mask + 1) * 2;
    this.slots = new Int32Array(cap * 3);
    this.mask = cap - 1;
    this.size = 0;
    for (let j = 0; j < old.length; j += 3) if (old[j + 2] !== 0) this.add(old[j]!, old[j + 1]!, old[j + 2]! - 1);
  }
}

/** A growable typed array of numbers. */
export class NumList<T extends Float64Array | Int32Array | Uint8Array> {
  length = 0;
  constructor(public data: T, private readonly make: (n: number) => T) {}
  push(v: number): number {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length] = v;
    return this.length++;
  }
}

const F_REGISTRY = 1;
const F_ALLEVIATED = 2;
const F_MONITORED = 4;
/** The domain's subject group by flag combination (roster persons: 一般农户). */
const GROUP_BY_FLAGS: SubjectGroup[] = Array.from({ length: 8 }, (_, f) =>
  f & F_REGISTRY ? subjectGroup({ householdType: f & F_ALLEVIATED ? 'alleviated' : 'ordinary', monitored: (f & F_MONITORED) !== 0 }) : 'ordinary');

/**
 * The persons a run matches against: registry persons (person and household id, type, monitored) win over 公安
 * roster persons (roster id). Index = dense subject number.
 */
export class SubjectIndex {
  private readonly table: IdTable;
  private readonly ids = new NumList(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly households = new NumList(new Float64Array(1024), (n) => new Float64Array(n));
  private readonly flags = new NumList(new Uint8Array(1024), (n) => new Uint8Array(n));

  constructor(expected = 1024) {
    this.table = new IdTable(expected);
  }

  get size(): number {
    return this.flags.length;
  }

  /**
   * Add a registry person by key. The registry wins: a roster person of the same key (the loads may interleave) is
   * replaced; a second registry person of the key is ignored (identity_key is unique).
   */
  addRegistry(hi: number, lo: number, personId: number, householdId: number, alleviated: boolean, monitored: boolean): void {
    const next = this.flags.length;
    const flags = F_REGISTRY | (alleviated ? F_ALLEVIATED : 0) | (monitored ? F_MONITORED : 0);
    const i = this.table.add(hi, lo, next);
    if (i === next) {
      this.ids.push(personId);
      this.households.push(householdId);
      this.flags.push(flags);
    } else if (!(this.flags.data[i]! & F_REGISTRY)) {
      this.ids.data[i] = personId;
      this.households.data[i] = householdId;
      this.flags.data[i] = flags;
    }
  }

  /** Add a roster person unless the key is already known (the registry wins). */
  addRoster(hi: number, lo: number, rosterId: number): void {
    const next = this.flags.length;
    if (this.table.add(hi, lo, next) !== next) return;
    this.ids.push(rosterId);
    this.households.push(0);
    this.flags.push(0);
  }

  /** Add by ID number string (the small-file path); ignored when not an 18-character ID. */
  addRegistryPerson(idNumber: string, p: RegistryPerson): void {
    if (idNumber.length === 18 && idKeyAt(idNumber, 0)) {
      this.addRegistry(idKey.hi, idKey.lo, Number(p.personId), Number(p.householdId), p.householdType === 'alleviated', p.monitored);
    }
  }

  addRosterPerson(idNumber: string, rosterId: number): void {
    if (idNumber.length === 18 && idKeyAt(idNumber, 0)) this.addRoster(idKey.hi, idKey.lo, rosterId);
  }

  /** The subject number of the key, or -1. */
  find(hi: number, lo: number): number {
    return this.table.get(hi, lo);
  }

  group(i: number): SubjectGroup {
    return GROUP_BY_FLAGS[this.flags.data[i]!]!;
  }

  isRegistry(i: number): boolean {
    return (this.flags.data[i]! & F_REGISTRY) !== 0;
  }

  /** For a registry subject: what the domain's matching needs. */
  registryPerson(i: number): RegistryPerson {
    const f = this.flags.data[i]!;
    return {
      personId: String(this.ids.data[i]), householdId: String(this.households.data[i]),
      householdType: f & F_ALLEVIATED ? 'alleviated' : 'ordinary', monitored: (f & F_MONITORED) !== 0,
    };
  }

  /** For a roster subject: its roster_person id. */
  rosterId(i: number): number {
    return this.ids.data[i]!;
  }
}
