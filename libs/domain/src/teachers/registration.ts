import { z } from 'zod';
import { RecordId } from '../bounds.ts';
import { IsoDate } from '../date.ts';
import type { AppraisalResult, EthicsResult } from './appraisal.ts';

/**
 * 教师资格定期注册 (docs/domain/teachers.md, *Appraisal and registration as built*): a teacher's certificate is
 * registered every `periodYears` years; a registration needs every appraised year of the period 合格 or better, the
 * training hours of the period and a 师德考核 without 不合格. The figures are the city's configuration
 * (`teacher_registration_rules`), these are the defaults.
 */
/** 注册周期: every 5 years (《中小学教师资格定期注册暂行办法》). */
export const REGISTRATION_PERIOD_YEARS = 5;
/** 培训学时 over a period: 360 (局定, unverified — the national rule is read as “不少于360学时”; configurable). */
export const REGISTRATION_MIN_HOURS = 360;
/** 即将到期: within 90 days of the due date (局定). */
export const REGISTRATION_DUE_SOON_DAYS = 90;

/** The results a year may have for a registration to pass: 合格 or better, and 不定等次 (a year not graded; 局定). */
export const REGISTRATION_ACCEPTED_RESULTS: readonly AppraisalResult[] = ['excellent', 'competent', 'ungraded'];

export const RegistrationRules = z
  .object({
    periodYears: z
      .number({ message: '注册周期应为数字' })
      .int({ message: '注册周期应为整数' })
      .min(1, { message: '注册周期不能少于1年' })
      .max(10, { message: '注册周期不能超过10年' }),
    minHours: z
      .number({ message: '培训学时应为数字' })
      .int({ message: '培训学时应为整数' })
      .min(0, { message: '培训学时不能为负数' })
      .max(2000, { message: '培训学时不能超过2000' }),
    dueSoonDays: z
      .number({ message: '提醒天数应为数字' })
      .int({ message: '提醒天数应为整数' })
      .min(0, { message: '提醒天数不能为负数' })
      .max(365, { message: '提醒天数不能超过365天' }),
  })
  .strict();
export type RegistrationRules = z.infer<typeof RegistrationRules>;
export const DEFAULT_REGISTRATION_RULES: RegistrationRules = {
  periodYears: REGISTRATION_PERIOD_YEARS,
  minHours: REGISTRATION_MIN_HOURS,
  dueSoonDays: REGISTRATION_DUE_SOON_DAYS,
};

/**
 * A person's registration record: 资格认定 (the certificate's date, the first base), 注册合格, 暂缓注册 or 不予注册 — the
 * latest decision; `registeredOn` stays the last successful base (certificate or registration).
 */
export const RegistrationOutcome = z.enum(['certified', 'registered', 'deferred', 'refused'], { message: '请选择注册结论' });
export type RegistrationOutcome = z.infer<typeof RegistrationOutcome>;
export const REGISTRATION_OUTCOME_LABELS: Record<RegistrationOutcome, { zh: string; en: string }> = {
  certified: { zh: '资格认定', en: 'Certified' },
  registered: { zh: '注册合格', en: 'Registered' },
  deferred: { zh: '暂缓注册', en: 'Deferred' },
  refused: { zh: '不予注册', en: 'Refused' },
};

/** A teacher's standing on a day. */
export const RegistrationStanding = z.enum(['valid', 'dueSoon', 'overdue', 'deferred', 'refused', 'unrecorded'], {
  message: '请选择注册状态',
});
export type RegistrationStanding = z.infer<typeof RegistrationStanding>;
export const REGISTRATION_STANDING_LABELS: Record<RegistrationStanding, { zh: string; en: string }> = {
  valid: { zh: '有效', en: 'Valid' },
  dueSoon: { zh: '即将到期', en: 'Due soon' },
  overdue: { zh: '逾期未注册', en: 'Overdue' },
  deferred: { zh: '暂缓注册', en: 'Deferred' },
  refused: { zh: '不予注册', en: 'Refused' },
  unrecorded: { zh: '无注册记录', en: 'No record' },
};
/** The standings the 待办 reminds of (the school applies, the county registers). */
export const REGISTRATION_REMINDED: readonly RegistrationStanding[] = ['dueSoon', 'overdue'];

/** `date` plus whole years; 29 February becomes 28 February in a year without it. */
export function addYears(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) + years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The due date of a registration made (or a certificate issued) on `base`: base + the period. */
export const registrationDue = (base: string, rules: Pick<RegistrationRules, 'periodYears'> = DEFAULT_REGISTRATION_RULES) =>
  addYears(base, rules.periodYears);

/**
 * The standing on `on`: 暂缓注册 / 不予注册 as decided; otherwise, against the due date (`validUntil`): 逾期未注册 after
 * it, 即将到期 from `dueSoonDays` before it up to the day itself, 有效 before that. No record: 无注册记录.
 */
export function registrationStanding(
  rec: { outcome: RegistrationOutcome; validUntil: string } | null,
  on: string,
  rules: Pick<RegistrationRules, 'dueSoonDays'> = DEFAULT_REGISTRATION_RULES,
): RegistrationStanding {
  if (!rec) return 'unrecorded';
  if (rec.outcome === 'deferred') return 'deferred';
  if (rec.outcome === 'refused') return 'refused';
  if (on > rec.validUntil) return 'overdue';
  if (on >= addDays(rec.validUntil, -rules.dueSoonDays)) return 'dueSoon';
  return 'valid';
}

/** The appraisal years a registration on `on` looks at: the period's years before `on`'s year, not before the base's year. */
export function registrationYears(base: string, on: string, rules: Pick<RegistrationRules, 'periodYears'> = DEFAULT_REGISTRATION_RULES) {
  const last = Number(on.slice(0, 4)) - 1;
  const first = Math.max(last - rules.periodYears + 1, Number(base.slice(0, 4)));
  const years: number[] = [];
  for (let y = first; y <= last; y += 1) years.push(y);
  return years;
}

/**
 * The days whose training counts toward a registration on `on`: the period's years up to that day (from the day after
 * the same day `periodYears` earlier), not before the base (the last registration or the certificate; hours before it
 * served that one). Registered 2017-12-01, applying 2022-11-30: 2017-12-01 … 2022-11-30; certified 2010-09-01 and
 * overdue: 2017-12-01 … 2022-11-30.
 */
export function registrationHoursPeriod(
  base: string,
  on: string,
  rules: Pick<RegistrationRules, 'periodYears'> = DEFAULT_REGISTRATION_RULES,
): { from: string; to: string } {
  const start = addDays(addYears(on, -rules.periodYears), 1);
  return { from: base > start ? base : start, to: on };
}

/**
 * The 培训学时 on record in a period: the hours of every training record of the person (all projects, completed or
 * not — the hours were earned) dated within it, both ends included.
 */
export const hoursInPeriod = (records: readonly { hours: number; recordedOn: string }[], period: { from: string; to: string }) =>
  records.filter((r) => r.recordedOn >= period.from && r.recordedOn <= period.to).reduce((n, r) => n + r.hours, 0);

/**
 * 办理定期注册: the person (staff row) and the day. The 培训学时 are not declared: the server reads them from the
 * person's training records in the period (`registrationHoursPeriod`).
 */
export const RegistrationInput = z
  .object({
    staffId: RecordId,
    registeredOn: IsoDate,
    /** The person's registration record's version (0: none yet). */
    expectedVersion: z
      .number({ message: '缺少记录版本，请刷新后重试' })
      .int({ message: '缺少记录版本，请刷新后重试' })
      .min(0)
      .max(2 ** 31 - 1),
  })
  .strict();
export type RegistrationInput = z.infer<typeof RegistrationInput>;

export interface YearAppraisal {
  year: number;
  result: AppraisalResult;
  ethics: EthicsResult;
}

/** Why an application cannot be decided (nothing is recorded): on its field, in Chinese. */
export type RegistrationRefusal = { field: 'hours' | 'registeredOn' | 'staffId'; message: string };

/**
 * The decision on an application: refused before deciding (the record would be incomplete — the hours on record in
 * the period below the rule, a year without an appraisal, not yet due, already 不予注册), or decided: 不予注册 when any
 * year's 师德考核 is 不合格, 暂缓注册 when any year's result is not accepted (不合格, 基本合格), else 注册合格 valid until
 * the new due date. `records`: the person's training records (hours and date; the period is chosen here).
 */
export function registrationDecision(
  a: {
    current: { outcome: RegistrationOutcome; registeredOn: string; validUntil: string } | null;
    registeredOn: string;
    records: readonly { hours: number; recordedOn: string }[];
    appraisals: readonly YearAppraisal[];
  },
  today: string,
  rules: RegistrationRules = DEFAULT_REGISTRATION_RULES,
):
  | { ok: false; refusal: RegistrationRefusal }
  | { ok: true; outcome: 'registered' | 'deferred' | 'refused'; validUntil: string; reasons: string[]; hours: number } {
  const no = (field: RegistrationRefusal['field'], message: string) => ({ ok: false as const, refusal: { field, message } });
  if (a.registeredOn > today) return no('registeredOn', '注册日期不能晚于今天');
  if (!a.current) return no('staffId', '该教师没有资格认定或注册记录，请先补录');
  if (a.current.outcome === 'refused') return no('staffId', '该教师已不予注册，不能再次办理定期注册');
  if (a.registeredOn < a.current.registeredOn) return no('registeredOn', '注册日期不能早于上次注册（认定）日期');
  if (registrationStanding(a.current, a.registeredOn, rules) === 'valid')
    return no('registeredOn', `注册有效期至${a.current.validUntil}，到期前${rules.dueSoonDays}天内方可办理`);
  const period = registrationHoursPeriod(a.current.registeredOn, a.registeredOn, rules);
  const hours = hoursInPeriod(a.records, period);
  if (hours < rules.minHours)
    return no('hours', `培训学时不足：${period.from}至${period.to}培训记录共${hours}学时，规定不少于${rules.minHours}学时`);
  const years = registrationYears(a.current.registeredOn, a.registeredOn, rules);
  const byYear = new Map(a.appraisals.map((x) => [x.year, x]));
  const missing = years.filter((y) => !byYear.has(y));
  if (missing.length) return no('staffId', `缺少${missing.join('、')}年度考核结果，请先录入`);
  const inYears = years.map((y) => byYear.get(y)!);
  const ethicsFailed = inYears.filter((x) => x.ethics === 'fail').map((x) => x.year);
  const validUntil = registrationDue(a.registeredOn, rules);
  if (ethicsFailed.length)
    return {
      ok: true,
      outcome: 'refused',
      validUntil: a.current.validUntil,
      reasons: [`${ethicsFailed.join('、')}年度师德考核不合格`],
      hours,
    };
  const below = inYears.filter((x) => !REGISTRATION_ACCEPTED_RESULTS.includes(x.result)).map((x) => x.year);
  if (below.length)
    return {
      ok: true,
      outcome: 'deferred',
      validUntil: a.current.validUntil,
      reasons: [`${below.join('、')}年度考核未达到合格等次`],
      hours,
    };
  return { ok: true, outcome: 'registered', validUntil, reasons: [], hours };
}
