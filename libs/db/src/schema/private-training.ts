import { boolean, date, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import {
  FeeSupervision,
  TRAINING_CONVERSION_WORKFLOW,
  TrainingCategory,
  TrainingMode,
  TrainingNature,
  TrainingStaffRole,
  TrainingStage,
  TrainingStatus,
  TrainingSubType,
} from '@hyedu/domain/private-edu';
import { unitRef } from './columns.ts';
import { members } from './members.ts';

/**
 * 校外培训机构: the city's own approval register, one row per institution approved here, in its county; it keeps the
 * national platform's id. `conversion_state` is the 营改非 case (null: the institution never had to convert).
 */
export const privateTrainingInstitutions = pgTable(
  'private_training_institutions',
  {
    id: serial().primaryKey(),
    unitCode: unitRef(),
    name: text().notNull(),
    uscc: varchar({ length: 18 }).notNull(),
    licenceNo: text().notNull(),
    licenceValidUntil: date({ mode: 'string' }),
    approvedOn: date({ mode: 'string' }).notNull(),
    address: text().notNull(),
    /** 场所面积, whole square metres. */
    area: integer().notNull(),
    category: text({ enum: members(TrainingCategory.options) }).notNull(),
    subType: text({ enum: members(TrainingSubType.options) }),
    stage: text({ enum: members(TrainingStage.options) }).notNull(),
    mode: text({ enum: members(TrainingMode.options) }).notNull(),
    nature: text({ enum: members(TrainingNature.options) }).notNull(),
    status: text({ enum: members(TrainingStatus.options) }).notNull(),
    deregisteredOn: date({ mode: 'string' }),
    leftAcademicOn: date({ mode: 'string' }),
    platformId: varchar({ length: 40 }),
    feeSupervision: text({ enum: members(FeeSupervision.options) }).notNull(),
    whiteList: boolean().notNull().default(false),
    conversionState: text({ enum: members(TRAINING_CONVERSION_WORKFLOW.states) }),
    conversionReason: text(),
    staffCount: integer().notNull().default(0),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('private_training_institutions_uscc_idx').on(t.uscc),
    uniqueIndex('private_training_institutions_platform_idx').on(t.platformId),
    index('private_training_institutions_unit_idx').on(t.unitCode, t.id),
    index('private_training_institutions_category_idx').on(t.category, t.id),
  ],
);

/** The staff of an institution, edited with it (replaced as a whole on update). */
export const privateTrainingStaff = pgTable(
  'private_training_staff',
  {
    id: serial().primaryKey(),
    institutionId: integer()
      .notNull()
      .references(() => privateTrainingInstitutions.id, { onDelete: 'cascade' }),
    name: text().notNull(),
    role: text({ enum: members(TrainingStaffRole.options) }).notNull(),
    subject: text(),
    certificateNo: varchar({ length: 20 }),
  },
  (t) => [index('private_training_staff_institution_idx').on(t.institutionId, t.id)],
);

/**
 * The national platform's institution list as last imported (a snapshot, replaced by each import): its id, name, USCC,
 * category, county and fee-supervision status. Never edited here.
 */
export const privateTrainingPlatform = pgTable(
  'private_training_platform',
  {
    id: serial().primaryKey(),
    platformId: varchar({ length: 40 }).notNull(),
    name: text().notNull(),
    uscc: varchar({ length: 18 }),
    category: text({ enum: members(TrainingCategory.options) }).notNull(),
    unitCode: unitRef(),
    feeSupervision: text({ enum: members(FeeSupervision.options) }).notNull(),
    importedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('private_training_platform_id_idx').on(t.platformId),
    index('private_training_platform_uscc_idx').on(t.uscc),
    index('private_training_platform_unit_idx').on(t.unitCode),
  ],
);

/** The city's settings of the training register (one row, id 1): the reduction's base date, the import's column mapping. */
export const privateTrainingSettings = pgTable('private_training_settings', {
  id: integer().primaryKey(),
  baseDate: date({ mode: 'string' }).notNull(),
  mapping: jsonb().$type<Record<string, string[]>>().notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull(),
});

/** 监管力量 per county: whether a dedicated supervision body exists, its name and staff. */
export const privateTrainingCapacity = pgTable('private_training_capacity', {
  unitCode: unitRef().primaryKey(),
  hasBody: boolean().notNull(),
  bodyName: text(),
  fullTimeStaff: integer().notNull(),
  partTimeStaff: integer().notNull(),
  enforcementStaff: integer().notNull(),
  note: text(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull(),
});
