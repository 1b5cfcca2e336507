/**
 * Lua that refuses a call the server runs too late. ioredis queues commands while it reconnects
 * and resends those left unanswered, so a script can run seconds after the caller gave up and
 * answered "unavailable": it must then change nothing. The deadline is wall-clock ms (the
 * caller's `Date.now()`), compared with the server's TIME, so instances and Redis need
 * synchronised clocks (as the limits already do). Defines `late_by(deadline)`: the ms past it,
 * or nil when in time or when the deadline is 0 (none).
 */
export const LATE_BY_LUA = `
local function late_by(deadline)
  if deadline <= 0 then return nil end
  -- Redis < 5 forbids writes after TIME unless the script replicates its effects.
  if redis.replicate_commands then redis.replicate_commands() end
  local t = redis.call('TIME')
  local ms = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
  if ms > deadline then return ms - deadline end
  return nil
end
`;

/** The deadline argument of a script: the request's `notAfter`, or 0 for none. */
export function deadlineArg(notAfter: number | undefined): number {
  return notAfter === undefined || !Number.isFinite(notAfter) ? 0 : Math.floor(notAfter);
}

/** The error a script's "too late, nothing applied" answer becomes. */
export function lateError(lateByMs: unknown): Error {
  return new Error(
    `Redis ran the call ${String(lateByMs)} ms past its deadline and applied nothing (it was queued while Redis was unreachable, or this host's clock and Redis's differ)`,
  );
}
