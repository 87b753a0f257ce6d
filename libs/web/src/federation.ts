import type { RouteRecordRaw } from 'vue-router';
import type { ModuleKey } from '@hyedu/domain';

declare module 'vue-router' {
  interface RouteMeta {
    /** The module a route belongs to; the portal's guards use it. */
    module?: ModuleKey;
    /** Page title, Chinese and English. */
    title?: string;
    titleEn?: string;
    /** Reachable without signing in (the login page). */
    public?: boolean;
    /** An area the account must be allowed to read (e.g. 'audit'); the server enforces it, the guard spares a failing page. */
    area?: string;
    /** The account page (reachable while a password change is required). */
    account?: boolean;
  }
}

/**
 * What a module remote exposes as './routes': a function from the base path the registry gives it
 * to its routes (lazy components), so the registry, not the remote, decides where a module lives.
 */
export type ModuleRoutes = (basePath: string) => RouteRecordRaw[];

function stamp(key: ModuleKey, route: RouteRecordRaw): RouteRecordRaw {
  return {
    ...route,
    meta: { ...route.meta, module: key },
    ...(route.children ? { children: route.children.map((c) => stamp(key, c)) } : {}),
  } as RouteRecordRaw;
}

/** Declares a module's routes; every route is stamped with the module key. */
export function defineModuleRoutes(key: ModuleKey, factory: ModuleRoutes): ModuleRoutes {
  return (basePath) => factory(basePath).map((r) => stamp(key, r));
}
