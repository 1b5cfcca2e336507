/** What {@link PacerStore.take} is asked: one more request under an account-wide limit, if there is room. */
export interface PacerTakeRequest {
  /** The limit's key: the account and what it limits (e.g. `acct-1:requests`). */
  key: string;
  /** A unique id for this request; its release names it again. */
  id: string;
  /** Most requests counted at once under this key. */
  max: number;
  /**
   * The longest this request may count while unanswered, in ms: past it the store forgets it,
   * so a process that died between taking and releasing holds no room for ever. Make it longer
   * than a request can take, plus the window.
   */
  leaseMs: number;
  /**
   * The wall-clock time (`Date.now()` ms) after which the store must apply nothing and fail
   * instead: the caller has given up waiting by then (as a limit request's `notAfter`).
   */
  notAfter?: number;
}

/** Room was taken: the request counts until its release (or its lease runs out). */
export interface PacerTaken {
  /** Taken. */
  ok: true;
}

/** No room: nothing was taken. */
export interface PacerFull {
  /** Not taken. */
  ok: false;
  /** Ms until the oldest counted request stops counting (a release may make room sooner). */
  retryAfterMs: number;
}

/** The answer of {@link PacerStore.take}. */
export type PacerDecision = PacerTaken | PacerFull;

/** What {@link PacerStore.release} is told: the request's answer came. */
export interface PacerReleaseRequest {
  /** The limit's key, as taken. */
  key: string;
  /** The request's id, as taken. */
  id: string;
  /** The limit's window, in ms: the request keeps counting this long after its answer. */
  windowMs: number;
}

/**
 * Room under account-wide rate limits, shared by every process that sends for one account. It
 * keeps `RateWindow`'s rule across processes: a request counts from the moment it may leave
 * until a full window after its answer came, so however the platform's windows fall, it never
 * sees more than `max` in one. Each decision is one atomic step.
 */
export interface PacerStore {
  /** Counts one more request under `key` if fewer than `max` are counted — one atomic step. */
  take(request: PacerTakeRequest): Promise<PacerDecision>;
  /** The request's answer came: it now counts until `windowMs` from now. Unknown ids are ignored. */
  release(request: PacerReleaseRequest): Promise<void>;
}

/** Options of {@link MemoryPacerStore}. */
export interface MemoryPacerStoreOptions {
  /** The clock, in ms. @defaultValue `Date.now` */
  now?: () => number;
}

/**
 * The in-process {@link PacerStore}: shared by the clients of one process only. Tests, and a
 * stand-in while a shared store is unreachable.
 */
export class MemoryPacerStore implements PacerStore {
  private readonly now: () => number;
  /** Per key: each counted request's id and until when it counts. */
  private readonly keys = new Map<string, Map<string, number>>();

  constructor(options: MemoryPacerStoreOptions = {}) {
    this.now = options.now ?? (() => Date.now());
  }

  /** Counts one more request if there is room. */
  async take(request: PacerTakeRequest): Promise<PacerDecision> {
    const now = this.now();
    const counted = this.keys.get(request.key) ?? new Map<string, number>();
    this.keys.set(request.key, counted);
    let earliest = Number.POSITIVE_INFINITY;
    for (const [id, until] of counted) {
      if (until <= now) counted.delete(id);
      else earliest = Math.min(earliest, until);
    }
    if (counted.size >= request.max) return { ok: false, retryAfterMs: earliest - now };
    counted.set(request.id, now + request.leaseMs);
    return { ok: true };
  }

  /** Keeps the request counted for one more window from now. */
  async release(request: PacerReleaseRequest): Promise<void> {
    const counted = this.keys.get(request.key);
    if (counted?.has(request.id)) counted.set(request.id, this.now() + request.windowMs);
  }
}
