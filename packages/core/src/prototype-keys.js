/**
 * True when a parsed JSON value holds a `__proto__` key at any depth (up to 32 levels).
 * `JSON.parse` keeps such a key as an own property, and it turns into a prototype switch the
 * moment user code spreads or merges the body; some body parsers refuse it and others do not,
 * so the server adapters check every body with this, whatever parsed it.
 */
export function hasPrototypeKey(value) {
    return typeof value === 'object' && value !== null && search(value, 0);
}
function search(value, depth) {
    if (depth > 32)
        return false;
    for (const key of Object.keys(value)) {
        if (key === '__proto__')
            return true;
        const child = value[key];
        if (typeof child === 'object' && child !== null && search(child, depth + 1))
            return true;
    }
    return false;
}
//# sourceMappingURL=prototype-keys.js.map