import { crc32, inflateSync } from 'node:zlib';
import { asc, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AS_OF } from '@hyedu/domain';
import { projectSchedule, type Milestone } from '@hyedu/domain/funding';
import { HENGYANG_NAMED_PROJECTS_2022 } from '@hyedu/domain/hengyang';
import type { Database } from '../client.ts';
import { attachments, fundingProjectMilestones, fundingSeatProjects, schools } from '../schema/index.ts';
import { openTestDatabase } from '../testing.ts';
import { blockPng } from './funding-named.ts';

/** Reads a PNG's chunks (checking each CRC): its size and its inflated scanlines. */
function decode(buf: Buffer) {
  expect([...buf.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  const chunks: Record<string, Buffer> = {};
  while (at < buf.length) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('ascii', at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + len);
    expect(buf.readUInt32BE(at + 8 + len)).toBe(crc32(buf.subarray(at + 4, at + 8 + len)));
    chunks[type] = data;
    at += 12 + len;
  }
  expect(Object.keys(chunks)).toEqual(['IHDR', 'IDAT', 'IEND']);
  return { width: chunks.IHDR!.readUInt32BE(0), height: chunks.IHDR!.readUInt32BE(4), pixels: inflateSync(chunks.IDAT!) };
}

describe('the demo’s named projects', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase('pglite', { scale: 0.02 });
  }, 120_000);
  afterAll(() => database?.close());

  it('loads the seven named projects: four on schedule, two late, one in use on the business date', async () => {
    const { db } = database;
    // The county projects of the 学位建设 demo are there too; the named ones carry their key.
    const projects = (await db.select().from(fundingSeatProjects).orderBy(asc(fundingSeatProjects.id))).filter((p) => p.namedKey);
    expect(projects.map((p) => p.namedKey)).toEqual(HENGYANG_NAMED_PROJECTS_2022.map((n) => n.key));
    const milestones = await db.select().from(fundingProjectMilestones);
    const states = projects.map((p) => {
      const mine = milestones.filter((m) => m.projectId === p.id);
      const planned = Object.fromEntries(mine.map((m) => [m.milestone, m.plannedOn])) as Record<Milestone, string>;
      const reached = Object.fromEntries(mine.filter((m) => m.reachedOn).map((m) => [m.milestone, m.reachedOn!]));
      expect(Object.values(reached).every((d) => d <= DEMO_AS_OF)).toBe(true);
      expect(Object.values(planned).every((d) => d >= '2021-01-01' && d <= '2023-12-31')).toBe(true);
      return [p.name, projectSchedule(p.kind, planned, reached, DEMO_AS_OF)] as const;
    });
    const by = Object.fromEntries(states);
    expect(by['市十七中搬迁']).toEqual({ state: 'late', milestone: 'topped_out', lateDays: 91 });
    expect(by['市田家炳中学提质改造']!.state).toBe('late');
    expect(by['市职业中专女生宿舍扩建']!.state).toBe('done');
    expect(states.filter(([, s]) => s.state === 'on_schedule')).toHaveLength(4);
    const noSeats = projects.filter((p) => p.plannedSeats === 0).map((p) => p.name);
    expect(noSeats.sort()).toEqual(['市五中后勤综合楼', '市职业中专女生宿舍扩建'].sort());
    expect(projects.find((p) => p.namedKey === 'shi17-relocation')!.investment).toBe(45_000_000_000);
    expect(projects.find((p) => p.namedKey === 'chuyi-hengnan-vocational')!.unitCode).toBe('430422');
    // Linked to the registry's school of that name.
    const [seventeen] = await db.select({ id: schools.id }).from(schools).where(eq(schools.name, '衡阳市第十七中学'));
    expect(projects[0]!.schoolId).toBe(seventeen!.id);
    expect(projects.find((p) => p.namedKey === 'practice-base')!.schoolId).toBeNull();
  });

  it('attaches 1–2 checked PNG photos per reached milestone', async () => {
    const { db } = database;
    const photos = await db.select().from(attachments).where(like(attachments.ownerType, 'funding_project:%'));
    const named = new Set((await db.select().from(fundingSeatProjects)).filter((p) => p.namedKey).map((p) => p.id));
    const reached = (await db.select().from(fundingProjectMilestones)).filter((m) => m.reachedOn && named.has(m.projectId));
    for (const m of reached) {
      const n = photos.filter((p) => p.ownerId === m.projectId && p.ownerType === `funding_project:${m.milestone}`).length;
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(2);
    }
    expect(photos.every((p) => p.checked && p.mime === 'image/png')).toBe(true);
    const png = decode(photos[0]!.content);
    expect([png.width, png.height]).toEqual([96, 64]);
  });

  it('encodes a block of colour as a PNG that decodes whole', () => {
    const png = decode(blockPng(3, 2, [10, 20, 30]));
    expect([png.width, png.height]).toEqual([3, 2]);
    expect([...png.pixels]).toEqual([0, 10, 20, 30, 10, 20, 30, 10, 20, 30, 0, 10, 20, 30, 10, 20, 30, 10, 20, 30]);
  });
});
