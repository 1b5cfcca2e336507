/**
 * Faults to inject into the platform endpoints, for testing a client's retries and timeouts.
 * Counts go down by one for each request they hit; `/_sandbox/*` is never affected.
 */
export interface FaultPlan {
  /** Answer the next N requests with `failCode` without doing anything. */
  fail?: number;
  /** The code `fail` answers. @defaultValue -1 */
  failCode?: number;
  /** Close the connection of the next N requests without answering (nothing is done). */
  drop?: number;
  /** Hold the answer of the next N requests for `delayMs`, after the request was carried out. */
  delay?: number;
  /** How long `delay` holds an answer, in ms. @defaultValue 2000 */
  delayMs?: number;
  /** Only requests to this path (e.g. `/message/send`); all platform paths when absent. */
  path?: string;
}

/** The fault to apply to one request. */
export type Fault = { kind: 'drop' } | { kind: 'fail'; code: number } | { kind: 'delay'; ms: number };

/** The faults still to come. */
export class FaultInjector {
  private plan: Required<Omit<FaultPlan, 'path'>> & { path?: string } = { fail: 0, failCode: -1, drop: 0, delay: 0, delayMs: 2000 };

  /** Replaces the plan. */
  set(plan: FaultPlan): void {
    this.plan = {
      fail: count(plan.fail),
      failCode: plan.failCode ?? -1,
      drop: count(plan.drop),
      delay: count(plan.delay),
      delayMs: Math.max(0, plan.delayMs ?? 2000),
      path: plan.path,
    };
  }

  /** Clears every fault. */
  clear(): void {
    this.set({});
  }

  /** The faults still to come. */
  snapshot(): FaultPlan {
    return { ...this.plan };
  }

  /** The fault for a request to `path`, counting it down: drop first, then fail, then delay. */
  take(path: string): Fault | undefined {
    const plan = this.plan;
    if (plan.drop + plan.fail + plan.delay === 0) return undefined;
    if (plan.path !== undefined && plan.path !== path) return undefined;
    if (plan.drop > 0) {
      plan.drop--;
      return { kind: 'drop' };
    }
    if (plan.fail > 0) {
      plan.fail--;
      return { kind: 'fail', code: plan.failCode };
    }
    plan.delay--;
    return { kind: 'delay', ms: plan.delayMs };
  }
}

function count(value: number | undefined): number {
  return value === undefined || !Number.isFinite(value) ? 0 : Math.max(0, Math.floor(value));
}
