/**
 * A stand-in for a provider whose options section is missing. Nest instantiates every provider
 * at start-up whether or not anything injects it, so the provider itself cannot fail there
 * without breaking apps that never use, say, OTP: an app whose classes inject it is refused at
 * start-up by {@link SmsSetupCheck}, and this covers what that cannot see (`moduleRef.get()` at
 * run time) by throwing at the first call, with the section to add. It keeps the class's
 * prototype (so `instanceof` holds) and leaves Nest's lifecycle hooks alone.
 */
export function missingSection<T extends object>(options: { type: abstract new (...args: never[]) => T; section: string; example: string }): T {
  const { type, section, example } = options;
  const message = `smskit: ${type.name} is not configured — add a \`${section}\` section to SmsModule.forRoot() options (for example ${example}).`;
  const target = Object.create(type.prototype as object) as T;
  return new Proxy(target, {
    get(object, property, receiver) {
      if (typeof property === 'symbol' || LEFT_ALONE.has(property)) return Reflect.get(object, property, receiver) as unknown;
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') throw new Error(message);
      return () => {
        throw new Error(message);
      };
    },
  });
}

// Nest probes providers for these hooks; `then` is probed by anything awaiting a value
const LEFT_ALONE = new Set([
  'then',
  'constructor',
  'onModuleInit',
  'onApplicationBootstrap',
  'onModuleDestroy',
  'beforeApplicationShutdown',
  'onApplicationShutdown',
]);
