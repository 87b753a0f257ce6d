// What every fault drill reports: its figures, its checks (each holds or not) and one pass/fail line.

export interface Check {
  what: string;
  ok: boolean;
}

export interface FaultDrill {
  title: string;
  figures: string[];
  checks: Check[];
  seconds: number;
  passed: boolean;
}

/** Collects a drill's figures and checks while it runs. */
export class Findings {
  readonly figures: string[] = [];
  readonly checks: Check[] = [];
  private readonly started = performance.now();

  constructor(readonly title: string) {}

  figure(line: string): void {
    this.figures.push(line);
  }

  check(what: string, ok: boolean): boolean {
    this.checks.push({ what, ok });
    return ok;
  }

  /** The drill's outcome; a drill that stopped on an error fails with that error as its last check. */
  done(error?: unknown): FaultDrill {
    if (error !== undefined) this.check(`演练中断：${(error as Error).message ?? String(error)}`, false);
    const passed = this.checks.length > 0 && this.checks.every((c) => c.ok);
    return { title: this.title, figures: this.figures, checks: this.checks, seconds: (performance.now() - this.started) / 1000, passed };
  }
}

export function describeFault(d: FaultDrill): string[] {
  return [
    `【${d.title}】${d.seconds.toFixed(1)} 秒`,
    ...d.figures.map((f) => `  ${f}`),
    ...d.checks.map((c) => `  ${c.ok ? '✓' : '✗'} ${c.what}`),
    `  ${d.passed ? 'PASS' : 'FAIL'} ${d.title}`,
  ];
}
