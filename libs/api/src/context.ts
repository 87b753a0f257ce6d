import type { Db, Engine } from '@hyedu/db';

export interface Context {
  db: Db;
  engine: Engine;
}

export function createContextFactory(db: Db, engine: Engine) {
  return (): Context => ({ db, engine });
}
