import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';
import { and, eq } from 'drizzle-orm';
import { MILESTONE_LABELS, MILESTONES, stageOf, type Milestone, type ProjectKind } from '@hyedu/domain/funding';
import { HENGYANG_NAMED_PROJECTS_2022 } from '@hyedu/domain/hengyang';
import type { Tx } from '../audit.ts';
import { attachments, fundingProjectMilestones, fundingSeatProjects, schools } from '../schema/index.ts';

const SEEDER = 'demo-seed';
const at = (date: string) => new Date(`${date}T10:00:00+08:00`);
const wan = (n: number) => n * 1_000_000; // 万元 → fen

type Dates = Partial<Record<Milestone, string>>;
interface NamedDemo {
  kind: ProjectKind;
  /** The registry's school the project is at (null: none, or a school the registry does not hold). */
  school: string | null;
  seats: number;
  investment: number;
  planned: Dates;
  reached: Dates;
}

/**
 * The named projects' demo state on the business date 2022-11-30: four on schedule, two late (市十七中搬迁 has not
 * finished its structure due 2022-08-31; 市田家炳中学 has not passed the acceptance due 2022-11-15), the dormitory in use.
 */
const DEMO: Record<string, NamedDemo> = {
  'shi17-relocation': {
    kind: 'new_build',
    school: '衡阳市第十七中学',
    seats: 3000,
    investment: wan(45_000),
    planned: { approved: '2021-03-15', started: '2021-09-01', topped_out: '2022-08-31', accepted: '2023-05-31', in_use: '2023-08-31' },
    reached: { approved: '2021-03-12', started: '2021-09-18' },
  },
  'henggang-junior': {
    kind: 'new_build',
    school: '衡钢中学',
    seats: 1800,
    investment: wan(12_000),
    planned: { approved: '2021-06-30', started: '2021-12-01', topped_out: '2022-10-31', accepted: '2023-03-31', in_use: '2023-08-31' },
    reached: { approved: '2021-06-25', started: '2021-11-28', topped_out: '2022-10-25' },
  },
  'tianjiabing-upgrade': {
    kind: 'expansion',
    school: '衡阳市田家炳实验中学',
    seats: 600,
    investment: wan(3_500),
    planned: { approved: '2021-11-15', started: '2022-03-01', topped_out: '2022-07-31', accepted: '2022-11-15', in_use: '2023-02-28' },
    reached: { approved: '2021-11-10', started: '2022-03-20', topped_out: '2022-08-20' },
  },
  'shi5-logistics': {
    kind: 'new_build',
    school: '衡阳市第五中学',
    seats: 0,
    investment: wan(2_800),
    planned: { approved: '2021-05-20', started: '2021-10-15', topped_out: '2022-06-30', accepted: '2022-12-20', in_use: '2023-03-01' },
    reached: { approved: '2021-05-18', started: '2021-10-12', topped_out: '2022-06-28' },
  },
  'vocational-dorm': {
    kind: 'expansion',
    school: '衡阳市职业中等专业学校',
    seats: 0,
    investment: wan(1_600),
    planned: { approved: '2021-03-01', started: '2021-07-01', topped_out: '2021-12-31', accepted: '2022-06-30', in_use: '2022-09-01' },
    reached: { approved: '2021-02-26', started: '2021-07-05', topped_out: '2022-01-20', accepted: '2022-07-15', in_use: '2022-08-29' },
  },
  'practice-base': {
    kind: 'expansion',
    school: null,
    seats: 500,
    investment: wan(6_000),
    planned: { approved: '2021-04-30', started: '2021-08-15', topped_out: '2022-05-31', accepted: '2022-12-31', in_use: '2023-03-31' },
    reached: { approved: '2021-04-28', started: '2021-08-10', topped_out: '2022-05-26' },
  },
  'chuyi-hengnan-vocational': {
    kind: 'expansion',
    school: '衡南县职业中等专业学校',
    seats: 1200,
    investment: wan(18_000),
    planned: { approved: '2022-04-30', started: '2022-12-31', topped_out: '2023-08-31', accepted: '2023-11-30', in_use: '2023-12-31' },
    reached: { approved: '2022-04-22' },
  },
};

/** A tiny valid PNG: one block of colour (the demo's stand-in for a site photo). */
export function blockPng(width: number, height: number, [r, g, b]: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set([r, g, b], 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const COLOURS: readonly (readonly [number, number, number])[] = [
  [96, 125, 139],
  [121, 85, 72],
  [76, 175, 80],
  [33, 150, 243],
  [255, 152, 0],
];

/** Loads the named projects with their milestones and 1–2 photos per reached milestone; returns the projects' count. */
export async function seedNamedProjects(tx: Tx): Promise<number> {
  let photos = 0;
  for (const named of HENGYANG_NAMED_PROJECTS_2022) {
    const demo = DEMO[named.key]!;
    const [school] = demo.school
      ? await tx
          .select({ id: schools.id })
          .from(schools)
          .where(and(eq(schools.name, demo.school), eq(schools.unitCode, named.unitCode)))
      : [];
    const steps = MILESTONES.filter((m) => demo.planned[m]);
    const next = steps.find((m) => !demo.reached[m]);
    const [row] = await tx
      .insert(fundingSeatProjects)
      .values({
        unitCode: named.unitCode,
        schoolId: school?.id ?? null,
        name: named.name,
        kind: demo.kind,
        sector: named.sector,
        area: named.area,
        plannedSeats: named.addsSeats ? demo.seats : 0,
        investment: demo.investment,
        namedKey: named.key,
        itemNo: named.itemNo,
        stage: stageOf(demo.kind, demo.reached),
        nextDue: next ? demo.planned[next]! : null,
        inUseOn: demo.reached.in_use ?? null,
        deliveredSeats: demo.reached.in_use ? (named.addsSeats ? demo.seats : 0) : null,
        createdBy: SEEDER,
        createdAt: at(demo.planned.approved!),
      })
      .returning({ id: fundingSeatProjects.id });
    const id = row!.id;
    await tx.insert(fundingProjectMilestones).values(
      steps.map((m) => ({
        projectId: id,
        milestone: m,
        plannedOn: demo.planned[m]!,
        reachedOn: demo.reached[m] ?? null,
        recordedBy: demo.reached[m] ? SEEDER : null,
        recordedAt: demo.reached[m] ? at(demo.reached[m]) : null,
      })),
    );
    const files = steps
      .filter((m) => demo.reached[m])
      .flatMap((m, i) =>
        Array.from({ length: 1 + ((i + named.itemNo) % 2) }, (_, k) => {
          const content = blockPng(96, 64, COLOURS[(i + k + photos) % COLOURS.length]!);
          return {
            ownerType: `funding_project:${m}`,
            ownerId: id,
            fileName: `${named.name}_${MILESTONE_LABELS[m].zh}_${k + 1}.png`,
            mime: 'image/png',
            size: content.length,
            sha256: createHash('sha256').update(content).digest('hex'),
            content,
            checked: true,
            uploadedBy: SEEDER,
            uploadedAt: at(demo.reached[m]!),
          };
        }),
      );
    photos += files.length;
    if (files.length) await tx.insert(attachments).values(files);
  }
  return HENGYANG_NAMED_PROJECTS_2022.length;
}
