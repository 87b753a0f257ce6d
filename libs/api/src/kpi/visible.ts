import { TRPCError } from '@trpc/server';
import type { AllowedScope, KpiDefinition, ModuleKey } from '@hyedu/domain';
import { HENGYANG_KPIS_2022 } from '@hyedu/domain/hengyang';
import type { Context } from '../context.ts';
import { permission } from '../trpc.ts';

export interface VisibleKpi {
  def: KpiDefinition;
  /** The scope the caller reads the KPI's module in. */
  scope: AllowedScope;
}

/**
 * The KPIs a caller may see: those of the modules it may read, each in the scope it reads that module in. Decided
 * by the policy middleware's own decision (permission → the domain's authorize), area by area: a county granted
 * 安全管理 and 教师队伍 sees only their KPIs, on every view of the dashboard (cards, detail, schools, export, trend).
 */
export async function visibleKpis(ctx: Context): Promise<VisibleKpi[]> {
  const scopes = new Map<ModuleKey, AllowedScope | null>();
  for (const module of new Set(HENGYANG_KPIS_2022.map((k) => k.module))) {
    const decision = await permission(ctx, module, 'read');
    scopes.set(module, decision.allowed ? decision.scope : null);
  }
  return HENGYANG_KPIS_2022.flatMap((def) => {
    const scope = scopes.get(def.module);
    return scope ? [{ def, scope }] : [];
  });
}

/** One KPI the caller may see (its id checked against the catalogue by the input schema), or FORBIDDEN. */
export async function visibleKpi(ctx: Context, kpiId: string): Promise<VisibleKpi> {
  const def = HENGYANG_KPIS_2022.find((k) => k.id === kpiId)!;
  const decision = await permission(ctx, def.module, 'read');
  if (!decision.allowed) throw new TRPCError({ code: 'FORBIDDEN', message: '无权查看该模块的指标' });
  return { def, scope: decision.scope };
}
