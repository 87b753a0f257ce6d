import { eq } from 'drizzle-orm';
import { tables, type Db } from '@hyedu/db';
import { DEFAULT_SAFETY_SETTINGS, SafetySettings, type DataScope, type SafetyLevel } from '@hyedu/domain';
import { actorLevel, recordScope, schoolInScope } from '../../record-scope.ts';

const { safetySettings } = tables;

/** The level a caller acts at in the module (the kit's actorLevel), and the kit's scope helpers. */
export const safetyLevel: (scope: DataScope) => SafetyLevel = actorLevel;
export { recordScope, schoolInScope };

/** The city's 4个100% configuration (the domain's defaults until the 安全稳定科 saves one). */
export async function loadSettings(
  db: Db,
): Promise<SafetySettings & { version: number; updatedBy: string | null; updatedAt: Date | null }> {
  const [row] = await db.select().from(safetySettings).where(eq(safetySettings.id, 1));
  if (!row) return { ...DEFAULT_SAFETY_SETTINGS, version: 0, updatedBy: null, updatedAt: null };
  const parsed = SafetySettings.safeParse({ fourth: row.fourth, norm: row.norm });
  return {
    ...(parsed.success ? parsed.data : DEFAULT_SAFETY_SETTINGS),
    version: row.version,
    updatedBy: row.updatedBy,
    updatedAt: row.updatedAt,
  };
}

export { conflict } from '../../workflow-step.ts';
