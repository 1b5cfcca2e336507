/** A phone number as logs show it: `138****8000`. */
export function maskPhone(phone) {
    return phone.length >= 8 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
// A platform message may quote the numbers it rejected.
const MOBILE_IN_TEXT = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g;
/** `text` with every mainland mobile number in it masked. */
export function maskPhonesIn(text) {
    return text.replace(MOBILE_IN_TEXT, '$1****$2');
}
function errorFields(error) {
    const fields = { code: error.code, message: maskPhonesIn(error.message) };
    if (error.requestId !== undefined)
        fields.requestId = error.requestId;
    return fields;
}
/** Hands events to the hooks and the logger; neither can break a call. */
export class ClientObserver {
    hooks;
    logger;
    constructor(hooks = {}, logger) {
        this.hooks = hooks;
        this.logger = logger;
    }
    request(event) {
        guard(() => this.hooks.onRequest?.(event));
        guard(() => this.logger?.debug?.(`smskit ${event.endpoint}: attempt ${event.attempt}`, { ...event }));
    }
    response(event) {
        guard(() => this.hooks.onResponse?.(event));
        guard(() => this.logger?.debug?.(`smskit ${event.endpoint}: ${event.code} in ${Math.round(event.ms)} ms`, { ...event }));
    }
    retry(event) {
        guard(() => this.hooks.onRetry?.(event));
        const { error, ...rest } = event;
        guard(() => this.logger?.warn?.(`smskit ${event.endpoint}: ${error.code} ${maskPhonesIn(error.message)} — retrying in ${Math.round(event.delayMs)} ms`, { ...rest, ...errorFields(error) }));
    }
    error(event) {
        guard(() => this.hooks.onError?.(event));
        const { error, ...rest } = event;
        guard(() => this.logger?.error?.(`smskit ${event.endpoint}: ${error.code} ${maskPhonesIn(error.message)}`, { ...rest, ...errorFields(error) }));
    }
}
function guard(action) {
    try {
        action();
    }
    catch {
        // an observer must never change the outcome of a call
    }
}
//# sourceMappingURL=events.js.map