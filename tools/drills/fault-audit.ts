// The audit insert failing (the drill makes the database refuse every new audit record, as a full or broken audit
// table would): the business write it belongs to must fail with it — a single activity and a whole import — and
// leave nothing; once the audit table takes records again the same writes succeed, one audit record each.
import { DEMO_AS_OF } from '@hyedu/db';
import { message, signIn } from '@hyedu/scale/client';
import { ask } from './clusters.ts';
import { hazardFile } from './hazard-file.ts';
import { activity, drillKeys, HENGNAN, startPlatform } from './platform.ts';
import { Findings, type FaultDrill } from './report.ts';
import { checkChain, onOwnCluster } from './stage.ts';

const REFUSE = `
  create function hyedu_drill_refuse_audit() returns trigger language plpgsql as
    $$ begin raise exception 'drill: the audit table refuses new records'; end $$;
  create trigger hyedu_drill_refuse_audit before insert on audit_log for each row execute function hyedu_drill_refuse_audit();`;
const ACCEPT = 'drop trigger hyedu_drill_refuse_audit on audit_log; drop function hyedu_drill_refuse_audit();';

export async function auditFaultDrill(o: { port: number }): Promise<FaultDrill> {
  const f = new Findings('审计记录写不进时，业务写入一并失败');
  const keys = drillKeys();
  return onOwnCluster(f, 'hyedu-drill-audit-', o.port, async ({ cluster, servers }) => {
    const server = await startPlatform({ keys, databaseUrl: cluster.url });
    servers.push(server);
    const county = await signIn(server.url, 'hengnan');
    const schools = await ask<{ id: number; code: string }>(
      cluster,
      'select id, code from schools where unit_code = $1 order by code limit 20',
      [HENGNAN],
    );
    const count = async (table: string, where = 'true') =>
      Number((await ask<{ n: string }>(cluster, `select count(*) as n from ${table} where ${where}`))[0]!.n);
    const file = await hazardFile(
      county,
      schools.map((s) => s.code),
      50,
      DEMO_AS_OF,
      'B',
    );
    const upload = { fileName: '隐患清单.xlsx', base64: file, dryRun: false };
    const before = {
      activities: await count('safety_activities'),
      hazards: await count('safety_hazards'),
      audit: await count('audit_log'),
    };

    await ask(cluster, REFUSE);
    const one = await county.mutateRaw('safety.activities.create', activity(schools[0]!.id, '审计故障演练活动'));
    const many = await county.mutateRaw('safety.hazards.import', upload);
    f.figure(`审计表拒收时：新增活动答 ${one.status}「${message(one)}」，导入答 ${many.status}「${message(many)}」`);
    f.check('新增活动失败，且答中文', one.status >= 500 && /[\u4e00-\u9fa5]/.test(message(one)));
    f.check('导入失败，且答中文', many.status >= 500 && /[\u4e00-\u9fa5]/.test(message(many)));
    const during = {
      activities: await count('safety_activities'),
      hazards: await count('safety_hazards'),
      audit: await count('audit_log'),
    };
    f.check('没有留下任何业务数据或审计记录', JSON.stringify(during) === JSON.stringify(before));

    await ask(cluster, ACCEPT);
    const retried = await county.mutateRaw('safety.activities.create', activity(schools[0]!.id, '审计故障演练活动'));
    const reimported = await county.mutateRaw('safety.hazards.import', upload);
    f.check('审计恢复后，同样的新增与导入都成功', retried.status === 200 && reimported.status === 200);
    f.check(
      '业务数据与审计记录一一对应（活动 +1、隐患 +50、审计 +2）',
      (await count('safety_activities')) === before.activities + 1 &&
        (await count('safety_hazards')) === before.hazards + 50 &&
        (await count('audit_log', "action in ('safety.addActivity', 'safety.importHazards')")) === 2,
    );
    await checkChain(f, { url: cluster.url }, keys.secrets);
  });
}
