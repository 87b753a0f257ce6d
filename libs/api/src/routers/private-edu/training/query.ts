import { and, desc, eq, exists, ilike, isNull, not, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { tables, type Db } from '@hyedu/db';
import { DivisionCode, textField, type DataScope } from '@hyedu/domain';
import { TrainingCategory, TrainingConversionState, TrainingStatus, TrainingSubType } from '@hyedu/domain/private-edu';
import { Page } from '../../../inputs.ts';
import { Cursor, type KeyPart } from '../../../keyset.ts';
import { contains } from '../../../queries.ts';
import { unitRecordScope } from '../../funding/access.ts';

const { privateTrainingInstitutions: i, privateTrainingPlatform: p, orgUnits } = tables;
export const TRAINING_TARGET = 'private_training_institution';

/** The list's filters (the list and its export). `conversion: 'none'` is an institution that never had to convert. */
export const TrainingFilter = Page.extend({
  unitCode: DivisionCode.optional(),
  trainingCategory: TrainingCategory.optional(),
  subType: TrainingSubType.optional(),
  operatingStatus: TrainingStatus.optional(),
  conversion: z.union([TrainingConversionState, z.literal('none')], { message: '营改非状态不存在' }).optional(),
  whiteList: z.boolean({ message: '白名单筛选应为是或否' }).optional(),
  onPlatform: z.boolean({ message: '入驻全国平台应为是或否' }).optional(),
  q: textField(40, '搜索词').optional(),
  /** The next page after this key (the previous page's last row); without it the page is found by offset. */
  after: Cursor.optional(),
}).strict();
export type TrainingFilter = z.infer<typeof TrainingFilter>;

/** The newest institution first. */
export const TRAINING_KEY: readonly KeyPart[] = [{ column: i.id, desc: true, kind: 'number' }];

/** Whether the institution appears on the national platform's list: its national id, else its USCC. */
export const onPlatformSql = (): SQL =>
  exists(sql`(select 1 from ${p} where ${p.platformId} = ${i.platformId} union all select 1 from ${p} where ${p.uscc} = ${i.uscc})`);

/** A USCC-looking search is a prefix of the code; anything else a part of the name. */
const search = (q: string) =>
  /^[0-9A-Z]{4,18}$/i.test(q) ? or(ilike(i.uscc, `${q.toUpperCase()}%`), ilike(i.name, contains(q))) : ilike(i.name, contains(q));

export const trainingWhere = (scope: DataScope, f: Omit<TrainingFilter, 'page' | 'pageSize' | 'after'>): SQL | undefined =>
  and(
    unitRecordScope(scope, i.unitCode),
    f.unitCode ? eq(i.unitCode, f.unitCode) : undefined,
    f.trainingCategory ? eq(i.category, f.trainingCategory) : undefined,
    f.subType ? eq(i.subType, f.subType) : undefined,
    f.operatingStatus ? eq(i.status, f.operatingStatus) : undefined,
    f.conversion === 'none' ? isNull(i.conversionState) : f.conversion ? eq(i.conversionState, f.conversion) : undefined,
    f.whiteList === undefined ? undefined : eq(i.whiteList, f.whiteList),
    f.onPlatform === undefined ? undefined : f.onPlatform ? onPlatformSql() : not(onPlatformSql()),
    f.q ? search(f.q) : undefined,
  );

/** The institutions matching `where`, newest first (the list's and the export's rows). */
export const trainingRows = (db: Db, where: SQL | undefined) =>
  db
    .select({
      id: i.id,
      unitCode: i.unitCode,
      unitName: orgUnits.name,
      name: i.name,
      uscc: i.uscc,
      licenceNo: i.licenceNo,
      approvedOn: i.approvedOn,
      category: i.category,
      subType: i.subType,
      stage: i.stage,
      mode: i.mode,
      nature: i.nature,
      status: i.status,
      platformId: i.platformId,
      onPlatform: sql<boolean>`${onPlatformSql()}`,
      feeSupervision: i.feeSupervision,
      whiteList: i.whiteList,
      conversionState: i.conversionState,
      staffCount: i.staffCount,
    })
    .from(i)
    .innerJoin(orgUnits, eq(orgUnits.code, i.unitCode))
    .where(where)
    .orderBy(desc(i.id));
