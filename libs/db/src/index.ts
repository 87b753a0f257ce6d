export { openDatabase, migrate, migrationsFolder, defaultDataDir } from './client.ts';
export type { Database, DatabaseOptions, Db, Engine, Schema } from './client.ts';
export * as tables from './schema/index.ts';
export { seedDemoData, SEED_SCHOOL_YEAR } from './seed/index.ts';
export type { SeedOptions, SeedReport } from './seed/index.ts';
export { setModuleEntry, writeAudit } from './registry.ts';
