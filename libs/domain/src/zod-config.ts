/**
 * zod compiles fast object parsers with `new Function` unless told not to. Pages that use this library run
 * under a Content-Security-Policy without 'unsafe-eval' (等保 level 3), where that is refused. zod reads its
 * global config when a schema is created, so this module is imported before any schema is defined.
 * Not I/O: it sets one flag on zod's own global config object.
 */
const g = globalThis as { __zod_globalConfig?: Record<string, unknown> };
Object.assign((g.__zod_globalConfig ??= {}), { jitless: true });
