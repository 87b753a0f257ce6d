import { orgCodeCheckChar, usccCheckChar } from '@hyedu/domain';
import { HENGYANG_ORG_UNITS } from '@hyedu/domain/hengyang';
import {
  DEFAULT_REDUCTION_BASE_DATE,
  TRAINING_CONVERSION_WORKFLOW,
  type FeeSupervision,
  type TrainingConversionState,
  type TrainingSubType,
} from '@hyedu/domain/private-edu';
import type { Tx } from '../audit.ts';
import { privateTrainingCapacity, privateTrainingInstitutions, privateTrainingPlatform, privateTrainingStaff } from '../schema/index.ts';
import { personName } from './names.ts';
import { createRng, type Rng } from './prng.ts';

const SEEDER = 'demo-seed';
/** The demo's business date: every date below is on or before it. */
const AS_OF = '2022-11-30';
const at = (date: string) => new Date(`${date}T09:00:00+08:00`);
/** At scale 1, city-wide: 学科类 institutions on the base date (2021-07-24) and 非学科类 ones approved over the years. */
export const TRAINING_SEED_ACADEMIC_BASE = 420;
export const TRAINING_SEED_NON_ACADEMIC = 1_150;
/** Shares of the base's 学科类 institutions by 2022-11-30: closed (注销), turned 非学科类, still 学科类 (≈ 90% reduction). */
const STAYS = 0.1;
const CLOSED = 0.6;
const ACADEMIC_BRANDS = ['启航', '博学', '明德', '优才', '学而思齐', '新东方好', '育英', '卓越', '智慧树', '书香', '致远', '思源'];
const NON_ACADEMIC: Record<TrainingSubType, { brands: readonly string[]; kinds: readonly string[] }> = {
  sports: { brands: ['飞跃', '冠军', '阳光', '动感', '雄鹰'], kinds: ['篮球', '足球', '跆拳道', '游泳', '羽毛球'] },
  arts: { brands: ['七彩', '音悦', '墨香', '舞韵', '艺航'], kinds: ['美术', '舞蹈', '钢琴', '书法', '声乐'] },
  science: { brands: ['未来', '创客', '星火', '智造', '探索'], kinds: ['机器人', '编程', '科学实验', '航模'] },
  other: { brands: ['成长', '博雅', '知行', '小树'], kinds: ['研学', '口才', '围棋', '托管'] },
};
const SUBJECTS = ['语文', '数学', '英语', '物理', '化学'];
/** The order the still-open 营改非 cases take their states, so every state shows even in a small registry. */
const OPEN_CONVERSIONS: readonly TrainingConversionState[] = [
  'not_started',
  'relicensing',
  'civil_registration',
  'business_licence',
  'done',
  'done',
  'done',
];

const counties = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city');
const shortName = (name: string) => name.replace(/(县|区|市)$/, '');
const date = (rng: Rng, from: string, to: string) => {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + rng.int(0, Math.round((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
};
const uscc = (unit: string, forProfit: boolean, serial: number) => {
  const org8 = `PX${String(serial).padStart(6, '0')}`;
  const first17 = `${forProfit ? '91' : '52'}${unit}${org8}${orgCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
};
const certificate = (rng: Rng, year: number) => `${year}43${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;

type Institution = typeof privateTrainingInstitutions.$inferInsert;
type Staff = Omit<typeof privateTrainingStaff.$inferInsert, 'institutionId'>;

/**
 * 校外培训机构 at Hengyang scale (deterministic): per county its share of the 420 学科类 institutions on the base date —
 * 60% since closed, 30% turned 非学科类, one in ten still 学科类 (a 90% reduction by 2022-11-30) — with 营改非 for the
 * 营利 义务教育 ones (closed or turned: 终止; the remaining ones in every open state, most done), and 1,150 非学科类 ones;
 * staff, a white list, national ids. The platform's list holds ≈ 95% of the institutions not closed (some only by USCC),
 * a few institutions the register lacks, and fee supervision for ≈ 88%. 监管力量 for every county but one.
 */
export async function seedPrivateTraining(tx: Tx, opts: { seed: number; scale: number }) {
  const rng = createRng(opts.seed + 6);
  const institutions: Institution[] = [];
  const staff: Staff[][] = [];
  let serial = 0;
  let openCase = 0;
  let academicSeen = 0;
  const perCounty = (total: number, n: number) => Math.max(3, Math.round(((total * opts.scale) / counties.length) * (0.6 + (n % 5) * 0.2)));
  for (const [n, unit] of counties.entries()) {
    const town = shortName(unit.name);
    const academic = perCounty(TRAINING_SEED_ACADEMIC_BASE, n);
    for (let k = 0; k < academic; k++) {
      serial += 1;
      const stage = k % 9 === 8 ? 'senior' : 'compulsory';
      const forProfit = k % 5 !== 4;
      // City-wide, one in ten stays 学科类, six are closed, three turned 非学科类 (in that order within each ten).
      const fate = (academicSeen++ % 10) / 10;
      const closed = fate >= STAYS && fate < STAYS + CLOSED;
      const turned = fate >= STAYS + CLOSED;
      const approvedOn = date(rng, '2014-03-01', '2021-06-30');
      const needs = forProfit && stage === 'compulsory';
      const conversion: TrainingConversionState | null = !needs
        ? null
        : closed || turned
          ? 'terminated'
          : OPEN_CONVERSIONS[openCase++ % OPEN_CONVERSIONS.length]!;
      const subType: TrainingSubType | null = turned ? rng.pick(['arts', 'science', 'other'] as const) : null;
      institutions.push({
        unitCode: unit.code,
        name: `${town}${rng.pick(ACADEMIC_BRANDS)}${turned ? `${NON_ACADEMIC[subType!].kinds[0]}` : '学科'}培训学校${serial}号`,
        uscc: uscc(unit.code, forProfit && conversion !== 'done', serial),
        licenceNo: `教民${unit.code}${String(serial).padStart(6, '0')}号`,
        licenceValidUntil: date(rng, '2023-01-01', '2026-12-31'),
        approvedOn,
        address: `${unit.name}${rng.pick(['解放路', '蒸湘路', '船山大道', '先锋路'])}${rng.int(1, 300)}号`,
        area: rng.int(120, 1200),
        category: turned ? 'non_academic' : 'academic',
        subType,
        stage,
        mode: k % 11 === 10 ? 'online' : 'offline',
        nature: forProfit && conversion !== 'done' ? 'for_profit' : 'non_profit',
        status: closed ? 'deregistered' : 'operating',
        deregisteredOn: closed ? date(rng, '2021-08-01', '2022-10-31') : null,
        leftAcademicOn: turned ? date(rng, '2021-09-01', '2022-06-30') : null,
        conversionState: conversion,
        conversionReason:
          conversion === 'terminated' ? (closed ? '机构注销，终止“营改非”（演示）' : '转为非学科类培训，终止“营改非”（演示）') : null,
        createdBy: SEEDER,
        createdAt: at(approvedOn),
      } as Institution);
      staff.push(staffOf(rng, !turned, rng.int(2, 6)));
    }
    const nonAcademic = perCounty(TRAINING_SEED_NON_ACADEMIC, n + 2);
    for (let k = 0; k < nonAcademic; k++) {
      serial += 1;
      const subType = rng.weighted<TrainingSubType>([
        ['arts', 45],
        ['sports', 30],
        ['science', 15],
        ['other', 10],
      ]);
      const kinds = NON_ACADEMIC[subType];
      const approvedOn = date(rng, '2015-01-01', '2022-11-15');
      const r = rng.next();
      const status = r < 0.03 ? 'deregistered' : r < 0.08 ? 'suspended' : 'operating';
      const forProfit = rng.chance(0.7);
      institutions.push({
        unitCode: unit.code,
        name: `${town}${rng.pick(kinds.brands)}${rng.pick(kinds.kinds)}培训中心${serial}号`,
        uscc: uscc(unit.code, forProfit, serial),
        licenceNo: `教民${unit.code}${String(serial).padStart(6, '0')}号`,
        licenceValidUntil: date(rng, '2023-01-01', '2027-12-31'),
        approvedOn,
        address: `${unit.name}${rng.pick(['解放路', '蒸湘路', '船山大道', '先锋路'])}${rng.int(1, 300)}号`,
        area: rng.int(80, 900),
        category: 'non_academic',
        subType,
        stage: rng.weighted([
          ['compulsory', 70],
          ['preschool', 20],
          ['senior', 10],
        ] as const),
        mode: rng.chance(0.06) ? 'online' : 'offline',
        nature: forProfit ? 'for_profit' : 'non_profit',
        status,
        deregisteredOn: status === 'deregistered' ? date(rng, approvedOn < '2021-01-01' ? '2021-01-01' : approvedOn, AS_OF) : null,
        leftAcademicOn: null,
        conversionState: null,
        conversionReason: null,
        createdBy: SEEDER,
        createdAt: at(approvedOn),
      } as Institution);
      staff.push(staffOf(rng, false, rng.int(2, 7)));
    }
  }
  // National ids, the white list and fee supervision; the platform's list.
  const platform: (typeof privateTrainingPlatform.$inferInsert)[] = [];
  const importedAt = at('2022-11-28');
  const openSeen = new Map<string, number>();
  for (const [n, inst] of institutions.entries()) {
    const open = inst.status !== 'deregistered';
    // The third open institution of each county is missing from the list (so every county shows a gap), else ≈ 5%.
    const seen = (openSeen.get(inst.unitCode) ?? 0) + (open ? 1 : 0);
    openSeen.set(inst.unitCode, seen);
    const listed = open && seen !== 3 && rng.chance(0.95);
    const fee: FeeSupervision = !open
      ? 'none'
      : rng.weighted<FeeSupervision>([
          ['bank_custody', 62],
          ['risk_deposit', 26],
          ['none', 12],
        ]);
    const withId = rng.chance(0.9);
    inst.platformId = withId ? `JG${inst.unitCode}${String(n + 1).padStart(5, '0')}` : null;
    inst.feeSupervision = listed ? fee : 'none';
    inst.whiteList = open && inst.status === 'operating' && fee !== 'none' && rng.chance(0.3);
    inst.staffCount = staff[n]!.length;
    if (listed)
      platform.push({
        platformId: inst.platformId ?? `JG${inst.unitCode}${String(n + 1).padStart(5, '0')}`,
        name: inst.name,
        uscc: inst.uscc,
        category: inst.category,
        unitCode: inst.unitCode,
        feeSupervision: fee,
        importedAt,
      });
  }
  // Institutions the platform lists that the register lacks (approved elsewhere, e.g. online ones): two per county.
  for (const unit of counties)
    for (let k = 0; k < 2; k++) {
      serial += 1;
      platform.push({
        platformId: `JGX${unit.code}${String(serial).padStart(5, '0')}`,
        name: `${shortName(unit.name)}${rng.pick(NON_ACADEMIC.other.brands)}线上培训${serial}号`,
        uscc: uscc(unit.code, true, serial),
        category: 'non_academic',
        unitCode: unit.code,
        feeSupervision: k === 0 ? 'bank_custody' : 'none',
        importedAt,
      });
    }
  const ids: number[] = [];
  for (let i = 0; i < institutions.length; i += 500)
    ids.push(
      ...(
        await tx
          .insert(privateTrainingInstitutions)
          .values(institutions.slice(i, i + 500))
          .returning({ id: privateTrainingInstitutions.id })
      ).map((r) => r.id),
    );
  const staffRows = staff.flatMap((list, n) => list.map((s) => ({ ...s, institutionId: ids[n]! })));
  for (let i = 0; i < staffRows.length; i += 1000) await tx.insert(privateTrainingStaff).values(staffRows.slice(i, i + 1000));
  for (let i = 0; i < platform.length; i += 1000) await tx.insert(privateTrainingPlatform).values(platform.slice(i, i + 1000));
  // 监管力量: every county but the last; two without a dedicated body.
  const capacity = counties.slice(0, -1).map((u, n) => {
    const hasBody = n % 6 !== 5;
    return {
      unitCode: u.code,
      hasBody,
      bodyName: hasBody ? `${u.bureauName}校外培训监管股` : null,
      fullTimeStaff: hasBody ? 2 + (n % 4) : 0,
      partTimeStaff: 1 + (n % 3),
      enforcementStaff: hasBody ? 3 + (n % 5) : 1,
      note: hasBody ? null : '由民办教育股兼管（演示）',
      updatedBy: SEEDER,
      updatedAt: at('2022-09-15'),
      version: 1,
    };
  });
  await tx.insert(privateTrainingCapacity).values(capacity);
  return { institutions: institutions.length, staff: staffRows.length, platform: platform.length, baseDate: DEFAULT_REDUCTION_BASE_DATE };
}

function staffOf(rng: Rng, academic: boolean, n: number): Staff[] {
  return Array.from({ length: n }, (_, k) => {
    const teacher = k < n - 1;
    return {
      name: personName(rng),
      role: teacher ? ('teacher' as const) : ('other' as const),
      subject: teacher && academic ? rng.pick(SUBJECTS) : null,
      certificateNo: teacher && (academic || rng.chance(0.4)) ? certificate(rng, rng.int(2008, 2021)) : null,
    };
  });
}

/** The 营改非 states, for the seed test. */
export const TRAINING_SEED_STATES = TRAINING_CONVERSION_WORKFLOW.states;
