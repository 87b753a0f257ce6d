import { schoolCodeCategoryForLevel, type Grade, type Ownership, type SchoolLevel } from '@hyedu/domain';
import { HENGYANG_ORG_UNITS, HUNAN_PROVINCE_CODE } from '@hyedu/domain/hengyang';
import { chineseNumber, KINDERGARTEN_BRANDS, SCHOOL_BRANDS, VILLAGE_NAMES } from './names.ts';
import { createRng, type Rng } from './prng.ts';
import { clampedNormal, deriveStaffing, skewed, spreadEnrolment, type Staffing } from './sizing.ts';
import { townStem, UNIT_TOWNS, type Town, type UnitTowns } from './towns.ts';

/**
 * Synthetic school registry for 衡阳市 (about 2,400 schools and kindergartens, about 1.2 M students).
 * Pure and deterministic: same options → identical output. Names are made up; no real data.
 *
 * `scale` multiplies the number of kindergartens, primary, junior and nine-year schools (the many
 * small institutions); senior, complete, vocational, special, 局直 and 民办 compulsory schools (the
 * latter sized to each unit's target 民办 share) are not scaled. School sizes never change with scale.
 * Scale 0.1 gives about 330 schools, handy for tests.
 */
export interface SchoolSeed {
  /** 学校标识码: AA + '43' + 6-digit sequence (unit's last two code digits + 4-digit running number). */
  code: string;
  name: string;
  /** County-level unit code, or '430400' for 局直 schools. */
  unitCode: string;
  /** 乡镇/街道 name; '' for 局直. */
  town: string;
  level: SchoolLevel;
  ownership: Ownership;
  isBoarding: boolean;
  isRural: boolean;
  /** Runs school buses (校车): decided by runsBusesFor, from the school's own facts (no random draw). */
  runsBuses: boolean;
  enrolment: Partial<Record<Grade, number>>;
  staffing: Staffing;
}

export interface RegistryOptions {
  seed?: number;
  scale?: number;
}

export const DEFAULT_REGISTRY_SEED = 20220414;
export const CITY_DIRECT_UNIT_CODE = '430400';

/**
 * Target private shares of each unit's 小学 and 初中 pupils at end-2020 (± 0.5 pp jitter), the baseline of the 2022
 * reduction: chosen so that the city comes out near the province's notice of 2021-06 (16.6% of primary and 34.0% of
 * junior pupils, about 22% of compulsory enrolment; HENGYANG_PRIVATE_BASELINE_2020), the county seats of the big rural
 * counties heaviest, 南岳 nearly none and 局直 none.
 */
const PRIVATE_SHARE_2020: Readonly<Record<string, { primary: number; junior: number }>> = {
  '430405': { primary: 0.14, junior: 0.3 },
  '430406': { primary: 0.1, junior: 0.24 },
  '430407': { primary: 0.12, junior: 0.28 },
  '430408': { primary: 0.2, junior: 0.38 },
  '430412': { primary: 0, junior: 0.08 },
  '430421': { primary: 0.18, junior: 0.36 },
  '430422': { primary: 0.15, junior: 0.33 },
  '430423': { primary: 0.1, junior: 0.26 },
  '430424': { primary: 0.13, junior: 0.3 },
  '430426': { primary: 0.2, junior: 0.38 },
  '430481': { primary: 0.22, junior: 0.42 },
  '430482': { primary: 0.17, junior: 0.35 },
  '430472': { primary: 0.19, junior: 0.38 },
};

/**
 * Public 初级中学 are drawn a little smaller than the generic size (the draw itself is unchanged, so the rest of the
 * registry is too): with the private sector at the notice's 34% of junior pupils, the city's junior total then sits
 * near the notice's back-calculated ≈ 284 k.
 */
const PUBLIC_JUNIOR_SIZE = 0.72;

/** 局直 schools: [name, level, approximate students]. */
const CITY_DIRECT: readonly (readonly [string, SchoolLevel, number])[] = [
  ['衡阳市第一中学', 'senior', 4800],
  ['衡阳市第八中学', 'senior', 5000],
  ['衡阳市田家炳实验中学', 'complete_middle', 3600],
  ['衡阳市第五中学', 'complete_middle', 2800],
  ['衡阳市第十七中学', 'junior', 2400],
  ['衡钢中学', 'complete_middle', 2200],
  ['衡阳市第四中学', 'senior', 3200],
  ['衡阳市第六中学', 'senior', 3000],
  ['衡阳市第三中学', 'senior', 2800],
  ['衡阳市第二十六中学', 'complete_middle', 2600],
  ['衡阳市职业中等专业学校', 'vocational', 3800],
  ['衡阳市第二职业中等专业学校', 'vocational', 2600],
  ['衡阳市特殊教育学校', 'special', 220],
  ['衡阳市实验幼儿园', 'kindergarten', 520],
  ['衡阳市机关幼儿园', 'kindergarten', 420],
];

const COMPULSORY_PREFIXES = ['P', 'J'];

interface Draft {
  name: string;
  town: Town | null;
  level: SchoolLevel;
  ownership: Ownership;
  students: number;
  boardingChance: number;
}

/** Accumulates schools; hands out unique names and codes. */
class Registry {
  readonly schools: SchoolSeed[] = [];
  private readonly names = new Set<string>();
  private readonly counters = new Map<string, number>();

  isFree(name: string): boolean {
    return !this.names.has(name);
  }

  /** First candidate not yet used, or null. */
  firstFree(candidates: readonly string[]): string | null {
    return candidates.find((c) => this.isFree(c)) ?? null;
  }

  add(rng: Rng, unitCode: string, d: Draft): SchoolSeed {
    if (!this.isFree(d.name)) throw new Error(`duplicate school name: ${d.name}`);
    this.names.add(d.name);
    const category = schoolCodeCategoryForLevel(d.level);
    const unitPart = unitCode.slice(4, 6);
    const key = `${category}${unitPart}`;
    const running = (this.counters.get(key) ?? 0) + 1;
    if (running > 9999) throw new Error(`code sequence exhausted for ${key}`);
    this.counters.set(key, running);
    const code = `${category}${HUNAN_PROVINCE_CODE}${unitPart}${String(running).padStart(4, '0')}`;
    const isRural = d.town !== null && !d.town.urban;
    const school: SchoolSeed = {
      code,
      name: d.name,
      unitCode,
      town: d.town?.name ?? '',
      level: d.level,
      ownership: d.ownership,
      isBoarding: d.level !== 'kindergarten' && rng.chance(d.boardingChance),
      isRural,
      runsBuses: runsBusesFor({ code, level: d.level, ownership: d.ownership, isRural }),
      enrolment: spreadEnrolment(rng, d.level, d.students),
      staffing: deriveStaffing(rng, d.level, d.ownership, d.students),
    };
    this.schools.push(school);
    return school;
  }
}

/**
 * Whether a demo school runs school buses (校车), decided from its facts without a random draw (so the rest of the
 * demo data stays as it was): rural primary, junior, nine-year and special schools carry pupils from scattered
 * villages and do; rural kindergartens do for the private ones and every other public one (by running number); in
 * towns only special schools and one private kindergarten in four do; senior and vocational schools do not.
 */
export function runsBusesFor(s: { code: string; level: SchoolLevel; ownership: Ownership; isRural: boolean }): boolean {
  const running = Number(s.code.slice(-4));
  if (s.level === 'special') return true;
  if (s.level === 'senior' || s.level === 'vocational' || s.level === 'complete_middle') return false;
  if (s.level === 'kindergarten') return s.ownership === 'private' ? s.isRural || running % 4 === 0 : s.isRural && running % 2 === 0;
  return s.isRural;
}

export function compulsoryStudents(s: SchoolSeed): number {
  let n = 0;
  for (const [grade, count] of Object.entries(s.enrolment)) {
    if (COMPULSORY_PREFIXES.includes(grade.charAt(0))) n += count ?? 0;
  }
  return n;
}

export function totalStudents(s: SchoolSeed): number {
  return Object.values(s.enrolment).reduce((a: number, b) => a + (b ?? 0), 0);
}

/** Generates the registry: 局直 schools first, then each county-level unit in display order. */
export function generateSchoolRegistry(opts: RegistryOptions = {}): SchoolSeed[] {
  const seed = opts.seed ?? DEFAULT_REGISTRY_SEED;
  const scale = opts.scale ?? 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 4) throw new RangeError(`scale must be in (0, 4]: ${scale}`);
  const reg = new Registry();

  const cityRng = createRng(unitSeed(seed, 0));
  for (const [name, level, size] of CITY_DIRECT) {
    const students = Math.round(size * cityRng.float(0.92, 1.08));
    const boardingChance = level === 'special' ? 0.7 : level === 'junior' ? 0.1 : 0.6;
    reg.add(cityRng, CITY_DIRECT_UNIT_CODE, { name, town: null, level, ownership: 'public', students, boardingChance });
  }

  const units = HENGYANG_ORG_UNITS.filter((u) => u.kind !== 'city').sort((a, b) => a.sortOrder - b.sortOrder);
  units.forEach((unit, i) => {
    const towns = UNIT_TOWNS.find((t) => t.unitCode === unit.code);
    if (!towns) throw new Error(`no town list for unit ${unit.code}`);
    const urbanUnit = unit.kind === 'district' || unit.kind === 'zone';
    new UnitBuilder(reg, createRng(unitSeed(seed, i + 1)), unit.name, towns, urbanUnit, scale, unitSeed(seed, i + 101)).build();
  });
  return reg.schools;
}

function unitSeed(seed: number, index: number): number {
  return (seed ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
}

/** Builds one county-level unit's schools. */
class UnitBuilder {
  private readonly rural: Town[];
  private readonly urban: Town[];
  private readonly seat: Town;
  /** Millions of residents. */
  private readonly pop: number;
  private numbered = 0;
  private readonly usedVillages = new Map<string, Set<string>>();
  private readonly reg: Registry;
  private readonly rng: Rng;
  private readonly county: string;
  private readonly unit: UnitTowns;
  private readonly urbanUnit: boolean;
  private readonly scale: number;
  /** Seed of the private compulsory schools' own random stream. */
  private readonly privateSeed: number;

  constructor(reg: Registry, rng: Rng, county: string, unit: UnitTowns, urbanUnit: boolean, scale: number, privateSeed: number) {
    this.privateSeed = privateSeed;
    this.reg = reg;
    this.rng = rng;
    this.county = county;
    this.unit = unit;
    this.urbanUnit = urbanUnit;
    this.scale = scale;
    this.rural = unit.towns.filter((t) => !t.urban);
    this.urban = unit.towns.filter((t) => t.urban);
    const seat = unit.towns.find((t) => t.seat) ?? this.urban[0] ?? unit.towns[0];
    if (!seat) throw new Error(`unit ${unit.unitCode} has no towns`);
    this.seat = seat;
    this.pop = unit.population / 100;
  }

  build(): void {
    this.kindergartens();
    this.seniors();
    this.primaries();
    this.juniors();
    this.nineYears();
    this.privateCompulsory();
    this.vocationalAndSpecial();
  }

  private n(x: number): number {
    return Math.max(0, Math.round(x * this.scale));
  }

  private add(d: Draft): void {
    this.reg.add(this.rng, this.unit.unitCode, d);
  }

  /** An urban town, the seat weighted up. */
  private urbanTown(): Town {
    return this.rng.weighted(this.urban.map((t) => [t, t.seat ? 3 : 1] as const));
  }

  private anyTown(seatWeight: number, urbanWeight: number): Town {
    return this.rng.weighted(this.unit.towns.map((t) => [t, t.seat ? seatWeight : t.urban ? urbanWeight : 1] as const));
  }

  /** A village name in `town` not used there before. */
  private village(town: Town): string {
    const used = this.usedVillages.get(town.name) ?? new Set<string>();
    this.usedVillages.set(town.name, used);
    if (used.size >= VILLAGE_NAMES.length / 2) throw new Error(`out of village names in ${town.name}`);
    for (;;) {
      const v = this.rng.pick(VILLAGE_NAMES);
      if (!used.has(v) && !town.name.startsWith(v)) {
        used.add(v);
        return v;
      }
    }
  }

  /** '{county}第N中学' with the unit's running number. */
  private numberedMiddle(): string {
    for (;;) {
      this.numbered += 1;
      const name = `${this.county}第${chineseNumber(this.numbered)}中学`;
      if (this.reg.isFree(name)) return name;
    }
  }

  private place(town: Town): string {
    return town.name.endsWith('街道') ? townStem(town.name) : town.name;
  }

  private kindergartens(): void {
    const total = this.n(this.pop * 200);
    const share = this.rng.float(0.26, 0.34);
    const pub = Math.min(total, Math.max(Math.round(total * share), Math.min(this.rural.length, total)));
    let made = 0;
    const k = (name: string, town: Town, students: number, ownership: Ownership = 'public') => {
      this.add({ name, town, level: 'kindergarten', ownership, students, boardingChance: 0 });
      made += 1;
    };
    for (const town of this.rural) {
      if (made >= pub) break;
      k(`${this.county}${town.name}中心幼儿园`, town, clampedNormal(this.rng, 200, 70, 100, 450));
    }
    const cityNames = ['实验幼儿园', '机关幼儿园', '第一幼儿园', '第二幼儿园', '第三幼儿园'];
    for (const suffix of cityNames) {
      if (made >= pub) break;
      k(`${this.county}${suffix}`, this.seat, clampedNormal(this.rng, 380, 90, 200, 600));
    }
    for (const town of this.urban) {
      if (made >= pub || town.seat || !town.name.endsWith('街道')) continue;
      k(`${this.county}${townStem(town.name)}幼儿园`, town, clampedNormal(this.rng, 320, 80, 180, 550));
    }
    let extra = 4;
    while (made < pub) {
      if (this.rural.length > 0 && !this.urbanUnit) {
        const town = this.rng.pick(this.rural);
        k(`${this.county}${town.name}${this.village(town)}幼儿园`, town, clampedNormal(this.rng, 110, 40, 60, 250));
      } else {
        k(`${this.county}第${chineseNumber(extra++)}幼儿园`, this.urbanTown(), clampedNormal(this.rng, 300, 80, 150, 500));
      }
    }
    for (let tries = 0; made < total && tries < total * 10; tries++) {
      const town = this.anyTown(8, 3);
      const name = this.brandFor(KINDERGARTEN_BRANDS, (b) => `${this.county}${this.place(town)}${b}幼儿园`);
      if (name !== null) k(name, town, skewed(this.rng, 60, 400, 3), 'private');
    }
  }

  /** A free name built from a random brand, or null if every brand is taken. */
  private brandFor(brands: readonly string[], make: (brand: string) => string): string | null {
    const start = this.rng.int(0, brands.length - 1);
    for (let i = 0; i < brands.length; i++) {
      const name = make(brands[(start + i) % brands.length] ?? '');
      if (this.reg.isFree(name)) return name;
    }
    return null;
  }

  private seniors(): void {
    const seniors = this.urbanUnit ? (this.pop >= 0.3 ? 1 : 0) : Math.max(2, Math.round(this.pop * 4.5));
    const completes = this.urbanUnit ? (this.pop >= 0.2 ? 1 : 0) : this.pop > 0.5 ? 2 : 1;
    for (let i = 0; i < seniors + completes; i++) {
      const level: SchoolLevel = i < seniors ? 'senior' : 'complete_middle';
      const town = i < 2 || this.rural.length === 0 ? this.seat : this.rng.pick(this.rural);
      const students = level === 'senior' ? clampedNormal(this.rng, 3000, 800, 1500, 5000) : clampedNormal(this.rng, 2600, 700, 1500, 4500);
      const boardingChance = this.urbanUnit ? 0.5 : 0.9;
      this.add({ name: this.numberedMiddle(), town, level, ownership: 'public', students, boardingChance });
    }
    if (!this.urbanUnit && this.pop >= 0.75) {
      const name = this.brandFor(SCHOOL_BRANDS, (b) => `${this.county}${b}高级中学`);
      if (name !== null) {
        const students = clampedNormal(this.rng, 2200, 500, 1500, 3000);
        this.add({ name, town: this.seat, level: 'senior', ownership: 'private', students, boardingChance: 0.9 });
      }
    }
  }

  private primaries(): void {
    const total = this.n(this.pop * (this.urbanUnit ? 52 : 118));
    const centres = Math.min(this.rural.length, total);
    const rest = total - centres;
    const urbanCount = this.urbanUnit ? Math.round(rest * (this.rural.length > 0 ? 0.8 : 1)) : Math.min(rest, this.n(this.pop * 9));
    for (const town of this.rural.slice(0, centres)) {
      const students = clampedNormal(this.rng, 1150, 350, 700, 2500);
      this.add({ name: `${this.county}${town.name}中心小学`, town, level: 'primary', ownership: 'public', students, boardingChance: 0.15 });
    }
    for (let i = 0; i < urbanCount; i++) {
      const town = this.urbanTown();
      const students = clampedNormal(this.rng, 2000, 550, 1200, 4000);
      this.add({ name: this.urbanPrimaryName(town), town, level: 'primary', ownership: 'public', students, boardingChance: 0 });
    }
    for (let i = 0; i < rest - urbanCount; i++) {
      const town = this.rng.pick(this.rural);
      const v = this.village(town);
      const students = skewed(this.rng, 30, 300, 1.4);
      // 完全小学 = all six grades, so only for the bigger village schools.
      const kind = this.rng.weighted([
        [`${v}小学`, 2],
        [`${v}村小学`, 1],
        [`${v}完全小学`, students >= 150 ? 2 : 0],
      ]);
      const name = `${this.county}${town.name}${kind}`;
      this.add({ name, town, level: 'primary', ownership: 'public', students, boardingChance: 0.03 });
    }
  }

  private urbanPrimaryName(town: Town): string {
    const base = town.name.endsWith('街道') ? `${this.county}${townStem(town.name)}` : `${this.county}${town.name}`;
    const candidates = [`${this.county}实验小学`, `${base}小学`];
    for (let k = 2; k <= 9; k++) candidates.push(`${base}第${chineseNumber(k)}小学`);
    for (let k = 1; k <= 60; k++) candidates.push(`${this.county}第${chineseNumber(k)}完全小学`);
    const name = this.reg.firstFree(town.seat ? candidates : candidates.slice(1));
    if (name === null) throw new Error(`out of primary names in ${this.county}`);
    return name;
  }

  private juniors(): void {
    const total = this.n(this.pop * (this.urbanUnit ? 14 : 31));
    const inTowns = this.urbanUnit
      ? Math.min(this.rural.length, Math.round(total * 0.3))
      : Math.max(0, Math.min(this.rural.length, total - Math.max(1, this.n(this.pop * 4))));
    for (let i = 0; i < total - inTowns; i++) {
      const town = this.urbanTown();
      const name = this.reg.firstFree([`${this.county}实验中学`]) ?? this.numberedMiddle();
      const students = Math.round(clampedNormal(this.rng, 1600, 500, 900, 3500) * PUBLIC_JUNIOR_SIZE);
      this.add({ name, town, level: 'junior', ownership: 'public', students, boardingChance: this.urbanUnit ? 0.1 : 0.4 });
    }
    for (const town of this.rural.slice(0, inTowns)) {
      const students = Math.round(clampedNormal(this.rng, 750, 280, 300, 2000) * PUBLIC_JUNIOR_SIZE);
      this.add({ name: `${this.county}${town.name}中学`, town, level: 'junior', ownership: 'public', students, boardingChance: 0.85 });
    }
  }

  private nineYears(): void {
    const total = this.n(this.pop * (this.urbanUnit ? 6 : 12));
    for (let i = 0; i < total; i++) {
      const urban = this.rural.length === 0 || this.rng.chance(this.urbanUnit ? 0.7 : 0.15);
      if (urban) {
        const town = this.urbanTown();
        const stem = town.name.endsWith('街道') ? townStem(town.name) : town.name;
        const candidates = [`${this.county}${stem}实验学校`, `${this.county}${stem}学校`];
        for (let k = 1; k <= 30; k++) candidates.push(`${this.county}第${chineseNumber(k)}实验学校`);
        const name = this.reg.firstFree(candidates);
        if (name === null) throw new Error(`out of nine-year school names in ${this.county}`);
        const students = clampedNormal(this.rng, 1700, 450, 1200, 3200);
        this.add({ name, town, level: 'nine_year', ownership: 'public', students, boardingChance: 0.15 });
      } else {
        const town = this.rng.pick(this.rural);
        const students = clampedNormal(this.rng, 750, 300, 250, 1800);
        const name = `${this.county}${town.name}${this.village(town)}学校`;
        this.add({ name, town, level: 'nine_year', ownership: 'public', students, boardingChance: 0.5 });
      }
    }
  }

  /**
   * 民办 primary, junior and nine-year schools up to the unit's 2020 target shares of primary and junior pupils. They
   * draw from a random stream of their own, so the public schools do not change with the private sector's size.
   */
  private privateCompulsory(): void {
    const target = PRIVATE_SHARE_2020[this.unit.unitCode];
    if (!target) return;
    const rng = createRng(this.privateSeed);
    const pub = { P: 0, J: 0 };
    for (const s of this.reg.schools) {
      if (s.unitCode !== this.unit.unitCode) continue;
      for (const [g, n] of Object.entries(s.enrolment)) if (g[0] === 'P' || g[0] === 'J') pub[g[0]] += n ?? 0;
    }
    const needOf = (share: number, publicPupils: number) => (share <= 0 ? 0 : Math.round((publicPupils * share) / (1 - share)));
    const need = {
      P: needOf(target.primary + (target.primary > 0 ? rng.float(-0.005, 0.005) : 0), pub.P),
      J: needOf(target.junior + rng.float(-0.005, 0.005), pub.J),
    };
    const suffixes: Record<'primary' | 'junior' | 'nine_year', readonly string[]> = {
      primary: ['小学', '实验小学'],
      junior: ['中学', '实验中学'],
      nine_year: ['学校', '实验学校', '外国语学校'],
    };
    for (let tries = 0; (need.P >= 300 || need.J >= 300) && tries < 200; tries++) {
      const level: 'primary' | 'junior' | 'nine_year' =
        need.P >= 300 && need.J >= 300
          ? rng.weighted([
              ['nine_year', 45],
              ['junior', 35],
              ['primary', 20],
            ])
          : need.J >= 300
            ? 'junior'
            : 'primary';
      const name = this.brandFor(SCHOOL_BRANDS, (b) => `${this.county}${b}${rng.pick(suffixes[level])}`);
      if (name === null) continue;
      // A nine-year school's six primary grades hold about two thirds of its pupils.
      const room = level === 'primary' ? need.P : level === 'junior' ? need.J : Math.min(need.P * 1.5, need.J * 3);
      const sampled =
        level === 'primary'
          ? clampedNormal(rng, 1500, 500, 500, 3000)
          : level === 'junior'
            ? clampedNormal(rng, 1500, 450, 600, 2800)
            : clampedNormal(rng, 2200, 700, 900, 4000);
      const students = Math.max(150, Math.min(sampled, Math.round(room)));
      const town = this.anyTown(6, 3);
      const school = this.reg.add(rng, this.unit.unitCode, {
        name,
        town,
        level,
        ownership: 'private',
        students,
        boardingChance: level === 'primary' ? 0.2 : 0.6,
      });
      for (const [g, n] of Object.entries(school.enrolment)) if (g[0] === 'P' || g[0] === 'J') need[g[0]] -= n ?? 0;
    }
  }

  private vocationalAndSpecial(): void {
    if (!this.urbanUnit || this.pop >= 0.2) {
      const students = clampedNormal(this.rng, 2200, 700, 800, 4000);
      const name = `${this.county}职业中等专业学校`;
      this.add({ name, town: this.seat, level: 'vocational', ownership: 'public', students, boardingChance: 0.8 });
    }
    if (!this.urbanUnit && this.pop > 0.3) {
      const name = this.brandFor(SCHOOL_BRANDS, (b) => `${this.county}${b}职业技术学校`);
      if (name !== null) {
        const students = clampedNormal(this.rng, 1500, 400, 800, 2500);
        this.add({ name, town: this.seat, level: 'vocational', ownership: 'private', students, boardingChance: 0.8 });
      }
    }
    const students = clampedNormal(this.rng, 130, 50, 50, 250);
    this.add({ name: `${this.county}特殊教育学校`, town: this.seat, level: 'special', ownership: 'public', students, boardingChance: 0.7 });
  }
}
