import type { DemoChannel } from './demo-channels.js';
import type { LimitSummary } from './sign-up-answers.js';

/** What the controller and the page need to know about the running demo. */
export interface DemoSettings {
  /** The primary channel's sandbox inbox, where the user reads the code. */
  inboxUrl: string;
  /** The channels codes go through, primary first, each with its inbox. */
  channels: readonly DemoChannel[];
  /** The limits, as the page describes them. */
  limits: LimitSummary;
  /** How long a code works, in minutes. */
  codeTtlMinutes: number;
  /** Wrong tries after which a code is burnt. */
  maxAttempts: number;
  /** Where the OTP state lives. */
  stores: 'memory' | 'redis';
  /** The demo's one-line reports (never a code). */
  log: (line: string) => void;
}

/** The injection token of {@link DemoSettings}. */
export const DEMO_SETTINGS = Symbol('DEMO_SETTINGS');
