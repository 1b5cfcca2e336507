import { timingSafeEqual } from 'node:crypto';
import { EXPIRED_CODE_GRACE_MS, type CodeAttempt, type CodeCheck, type CodePut, type CodeStore } from './code-store.js';

interface HeldCode {
  id: string;
  hash: Buffer;
  expiresAt: number;
  wrongTries: number;
}

const SWEEP_EVERY_MS = 10_000;

/**
 * An in-process {@link CodeStore}. Each method runs synchronously to its end, so within one
 * process a check cannot interleave with another. Codes live in this process only: behind a
 * load balancer use `@smskit/redis`, or a verify may land on an instance that never saw the code.
 */
export class MemoryCodeStore implements CodeStore {
  private readonly codes = new Map<string, HeldCode>();
  private nextSweep = Number.NEGATIVE_INFINITY;

  /** {@inheritDoc CodeStore.put} */
  put(code: CodePut): Promise<void> {
    this.sweep(code.now);
    this.codes.set(code.key, { id: code.id, hash: Buffer.from(code.hash, 'hex'), expiresAt: code.expiresAt, wrongTries: 0 });
    return Promise.resolve();
  }

  /** {@inheritDoc CodeStore.check} */
  check(attempt: CodeAttempt): Promise<CodeCheck> {
    return Promise.resolve(this.checkSync(attempt));
  }

  /** The synchronous form of {@link MemoryCodeStore.check}. */
  checkSync(attempt: CodeAttempt): CodeCheck {
    this.sweep(attempt.now);
    const held = this.codes.get(attempt.key);
    if (!held) return { status: 'missing' };
    if (attempt.now >= held.expiresAt) {
      this.codes.delete(attempt.key);
      return { status: 'expired' };
    }
    const typed = Buffer.from(attempt.hash, 'hex');
    if (typed.length === held.hash.length && timingSafeEqual(typed, held.hash)) {
      this.codes.delete(attempt.key);
      return { status: 'ok', id: held.id };
    }
    held.wrongTries += 1;
    if (held.wrongTries >= attempt.maxAttempts) {
      this.codes.delete(attempt.key);
      return { status: 'burnt' };
    }
    return { status: 'mismatch', attemptsLeft: attempt.maxAttempts - held.wrongTries };
  }

  /** {@inheritDoc CodeStore.discard} */
  discard(target: { key: string; id: string }): Promise<void> {
    if (this.codes.get(target.key)?.id === target.id) this.codes.delete(target.key);
    return Promise.resolve();
  }

  /** How many codes are held (stale ones linger until the next sweep). */
  get size(): number {
    return this.codes.size;
  }

  /** Drops codes past their grace period, judged by the callers' own clock. */
  private sweep(now: number): void {
    if (now >= this.nextSweep - SWEEP_EVERY_MS && now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const [key, held] of this.codes) {
      if (held.expiresAt + EXPIRED_CODE_GRACE_MS <= now) this.codes.delete(key);
    }
  }
}
