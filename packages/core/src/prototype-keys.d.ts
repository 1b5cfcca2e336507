/**
 * True when a parsed JSON value holds a `__proto__` key at any depth (up to 32 levels).
 * `JSON.parse` keeps such a key as an own property, and it turns into a prototype switch the
 * moment user code spreads or merges the body; some body parsers refuse it and others do not,
 * so the server adapters check every body with this, whatever parsed it.
 */
export declare function hasPrototypeKey(value: unknown): boolean;
