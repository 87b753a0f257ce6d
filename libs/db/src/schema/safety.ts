import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  unique,
  varchar,
} from 'drizzle-orm/pg-core';
import {
  FourthIndicator,
  HAZARD_WORKFLOW,
  HazardSource,
  INCIDENT_CHAIN,
  IncidentStatus,
  InspectionLevel,
  PROFILE_REVIEW,
  Severity,
} from '@hyedu/domain';
import { schoolRef, trigramIndex, unitRef } from './columns.ts';
import { members } from './members.ts';

/**
 * The safety module (seed item 4; docs/domain/safety.md). Every record carries its school and the school's unit code (a
 * school never changes unit), so county scopes and per-county figures use an index without joining the registry.
 */

/** The city's configuration of the 4个100% (one row; absent → the domain's defaults). */
export const safetySettings = pgTable('safety_settings', {
  id: smallint().primaryKey().default(1),
  fourth: text({ enum: members(FourthIndicator.options) }).notNull(),
  norm: jsonb().notNull(),
  updatedBy: text().notNull(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  version: integer().notNull().default(1),
});

/** A school's 4个100% status for a term, entered by the school or its county and verified by the county. */
export const safetyProfiles = pgTable(
  'safety_profiles',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    term: varchar({ length: 11 }).notNull(),
    students: integer().notNull(),
    staff: integer().notNull(),
    fulltimeGuards: integer().notNull(),
    closedManagement: boolean().notNull(),
    alarmLinked110: boolean().notNull(),
    videoLinkedPolice: boolean().notNull(),
    guardPost: boolean().notNull(),
    antiRam: boolean(),
    evidenceDate: date({ mode: 'string' }).notNull(),
    review: text({ enum: members(PROFILE_REVIEW.states) }).notNull(),
    returnReason: text(),
    submittedBy: text().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull(),
    reviewedBy: text(),
    reviewedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    unique('safety_profiles_school_term').on(t.schoolId, t.term),
    index('safety_profiles_term_unit_idx').on(t.term, t.unitCode),
    check('safety_profiles_nonneg', sql`${t.students} >= 0 and ${t.staff} >= 0 and ${t.fulltimeGuards} >= 0`),
  ],
);

/** An inspection (排查): who checked which school when; the hazards it found point back to it. */
export const safetyInspections = pgTable(
  'safety_inspections',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    inspectedOn: date({ mode: 'string' }).notNull(),
    level: text({ enum: members(InspectionLevel.options) }).notNull(),
    categories: text().array().notNull(),
    inspectors: text().notNull(),
    summary: text().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('safety_inspections_unit_date_idx').on(t.unitCode, t.inspectedOn), index('safety_inspections_school_idx').on(t.schoolId)],
);

/** A hazard (隐患) and its rectification: 待整改 → 整改中 → 待验收 → 已销号, returns with a reason. */
export const safetyHazards = pgTable(
  'safety_hazards',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    inspectionId: integer().references(() => safetyInspections.id),
    source: text({ enum: members(HazardSource.options) }).notNull(),
    category: text().notNull(),
    severity: text({ enum: members(Severity.options) }).notNull(),
    foundOn: date({ mode: 'string' }).notNull(),
    location: text(),
    description: text().notNull(),
    responsiblePerson: text().notNull(),
    deadline: date({ mode: 'string' }),
    measures: text(),
    status: text({ enum: members(HAZARD_WORKFLOW.states) }).notNull(),
    returnReason: text(),
    returns: smallint().notNull().default(0),
    reportedBy: text().notNull(),
    reportedAt: timestamp({ withTimezone: true }).notNull(),
    submittedBy: text(),
    submittedAt: timestamp({ withTimezone: true }),
    closedBy: text(),
    closedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('safety_hazards_unit_status_idx').on(t.unitCode, t.status, t.foundOn),
    index('safety_hazards_school_idx').on(t.schoolId, t.status),
    index('safety_hazards_open_deadline_idx')
      .on(t.deadline)
      .where(sql`${t.status} <> 'closed'`),
    index('safety_hazards_found_idx').on(t.foundOn, t.id),
    trigramIndex('safety_hazards_description_trgm_idx', t.description),
  ],
);

/** A 专项教育 activity held by a school. */
export const safetyActivities = pgTable(
  'safety_activities',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    topic: text().notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    title: text().notNull(),
    participants: integer().notNull(),
    note: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('safety_activities_unit_held_idx').on(t.unitCode, t.heldOn),
    index('safety_activities_school_topic_idx').on(t.schoolId, t.topic, t.heldOn),
    // The city-wide list, newest first (held_on desc, id desc): read from the index instead of sorting every activity.
    index('safety_activities_held_idx').on(t.heldOn, t.id),
  ],
);

/** A safety incident (安全事件) and its handling. */
export const safetyIncidents = pgTable(
  'safety_incidents',
  {
    id: serial().primaryKey(),
    schoolId: schoolRef(),
    unitCode: unitRef(),
    type: text().notNull(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
    place: text().notNull(),
    deaths: integer().notNull(),
    injuries: integer().notNull(),
    publicOpinion: boolean().notNull(),
    summary: text().notNull(),
    status: text({ enum: members(IncidentStatus.options) }).notNull(),
    /** How far the reporting chain has come (INCIDENT_CHAIN's state); 处置中/已结案 (`status`) follows it. */
    chainState: text({ enum: members(INCIDENT_CHAIN.states) })
      .notNull()
      .default('reported'),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index('safety_incidents_unit_time_idx').on(t.unitCode, t.occurredAt),
    check('safety_incidents_nonneg', sql`${t.deaths} >= 0 and ${t.injuries} >= 0`),
  ],
);

/** The incident's reporting chain: each stage stamped by the server when recorded. */
export const safetyIncidentReports = pgTable(
  'safety_incident_reports',
  {
    id: serial().primaryKey(),
    incidentId: integer()
      .notNull()
      .references(() => safetyIncidents.id, { onDelete: 'cascade' }),
    stage: text().notNull(),
    note: text().notNull(),
    reportedBy: text().notNull(),
    reportedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('safety_incident_reports_incident_idx').on(t.incidentId, t.reportedAt)],
);
