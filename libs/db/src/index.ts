export { openDatabase, migrate, migrationsFolder, defaultDataDir } from './client.ts';
export type { Database, DatabaseOptions, Db, Engine, Schema } from './client.ts';
export type { Listener } from './cluster.ts';
export * as tables from './schema/index.ts';
export { seedDemoData, SEED_SCHOOL_YEAR } from './seed/index.ts';
/** The demo's as-of date (the domain's), for the tools that load the demo data. */
export { DEMO_AS_OF } from '@hyedu/domain';
export type { SeedOptions, SeedReport } from './seed/index.ts';
export { ConflictError, setModuleEntry } from './registry.ts';
export {
  addModuleOrigin,
  listModuleOrigins,
  moduleOriginRows,
  RegistryRefusal,
  removeModuleOrigin,
  updateModuleOrigin,
} from './module-origins.ts';
export { writeAudit, verifyAuditChain, GENESIS } from './audit.ts';
export { backupTo, differences, fingerprints, manifestFile, readManifest, restoreFrom } from './backup.ts';
export type { Manifest, RestoreReport, TableFigure } from './backup.ts';
export type { AuditEntry, ChainReport, Tx } from './audit.ts';
export { loadSecrets } from './secrets.ts';
export type { Secrets } from './secrets.ts';
export { hashPassword, verifyPassword, DUMMY_HASH } from './passwords.ts';
export { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_TOTP_SECRET } from './seed/accounts.ts';
export { blindIndex, decryptField, encryptField, totpRecordId } from './field-crypto.ts';
export { insertDepartments, insertPlanTasks } from './plan.ts';
export { refreshItStanding } from './it-standing.ts';
export { recountTraining } from './training-counts.ts';
export { countAppraisals, rebuildAppraisalCounts } from './appraisal-counts.ts';
export type { AppraisalCountChange } from './appraisal-counts.ts';
export { dropStaged, dropStaleStaging, idRuns, newImportJob, publishStaged, stageRows } from './staging.ts';
export type { StagedRow } from './staging.ts';
// 学生资助: the matching run (set-based SQL)
export { aidCipherId, runAidMatching } from './funding-aid-match.ts';
export type { AidRunCounts } from './funding-aid-match.ts';
export { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, loggableError } from './unavailable.ts';
export { openStandby, parseLsn, ReplayWatch } from './standby.ts';
export type { ReadTarget, Standby, StandbyState, StandbyStatus } from './standby.ts';
