import type { Sandbox } from '@smskit/sandbox';

/** One channel of the demo: a sandbox playing it, and its inbox. */
export interface DemoChannel {
  /** The channel's name in the router (`primary`, `backup`). */
  name: string;
  /** Its sandbox's inbox page. */
  inboxUrl: string;
}

// Every request to the broken primary answers 40002 (balance exhausted): a fail-over reason,
// so the router hands the code to the backup at once. A count large enough to outlast a demo.
const BROKEN = { fail: 1_000_000, failCode: 40002 } as const;

/**
 * The demo's two channels and the switch that breaks the primary, for the page's button. The
 * sandboxes start after the app (their pushes need its URL), so they are attached later.
 */
export class DemoChannels {
  private primary: Sandbox | undefined;

  constructor(readonly channels: readonly DemoChannel[]) {}

  /** Attaches the primary's sandbox once it exists. */
  attach(primary: Sandbox): void {
    this.primary = primary;
  }

  /** Whether the primary is broken now. */
  get primaryBroken(): boolean {
    return (this.primary?.faults().fail ?? 0) > 0;
  }

  /** Breaks the primary (its sandbox's fault endpoint) or repairs it. */
  setPrimaryBroken(broken: boolean): void {
    this.primary?.setFaults(broken ? BROKEN : {});
  }
}
