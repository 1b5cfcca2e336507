/*
 * A router from a channels config in one call, for plain Node, Koa and the NestJS module
 * alike: read, build each channel with its provider, check every template entry, route.
 * Provider packages plug in as ChannelProvider values, so core imports none of them.
 */
import type { ChannelProvider, SmsChannel } from './channel.js';
import { ChannelConfigError } from './config-error.js';
import { createChannels, parseChannelsConfig, type ChannelsConfig, type ParseChannelsConfigOptions } from './config.js';
import { ChannelRouter, type ChannelRouterOptions } from './router.js';

/** Options of {@link createRouterFromConfig}: the router's own settings, plus what building the channels needs. */
export interface RouterFromConfigOptions extends Omit<ChannelRouterOptions, 'channels' | 'templates'> {
  /** Where `{ "env": "VAR" }` values come from (`process.env`, usually). @defaultValue {} */
  env?: ParseChannelsConfigOptions['env'];
  /** The providers of other packages (`@smskit/aliyun`, `@smskit/tencent`); infocloud is built in. @defaultValue none */
  providers?: readonly ChannelProvider[];
}

function isChannel(value: unknown): value is SmsChannel {
  const candidate = value as Partial<SmsChannel> | null;
  return typeof candidate === 'object' && candidate !== null && typeof candidate.name === 'string' && typeof candidate.send === 'function' && typeof candidate.sendBatch === 'function';
}

/**
 * Builds a {@link ChannelRouter} from a channels config: the file's text or its parsed JSON
 * (`{ channels, templates }`, see {@link parseChannelsConfig}). An entry of `channels` may also
 * be a ready {@link SmsChannel}, kept in its place; every template entry is checked against its
 * channel either way.
 *
 * @example
 * ```ts
 * const router = createRouterFromConfig(await readFile('sms-channels.json', 'utf8'), { env: process.env });
 * ```
 * @throws {@link ChannelConfigError} (40004) naming the path of the first problem; channels built before it are closed.
 */
export function createRouterFromConfig(source: string | unknown, options: RouterFromConfigOptions = {}): ChannelRouter {
  const { env, providers, ...routerOptions } = options;
  // Ready channels stand in the file as their name and provider, so the templates that name
  // them are read and checked like any other.
  const ready = new Map<number, SmsChannel>();
  let text = source;
  if (typeof source === 'object' && source !== null && Array.isArray((source as { channels?: unknown }).channels)) {
    const file = source as { channels: unknown[] };
    const channels = file.channels.map((entry, index) => {
      if (!isChannel(entry)) return entry;
      ready.set(index, entry);
      return { name: entry.name, provider: entry.provider };
    });
    text = { ...file, channels };
  }
  const config = parseChannelsConfig(text, { env });
  const toBuild: ChannelsConfig = { channels: config.channels.filter((_, index) => !ready.has(index)), templates: config.templates };
  const built = createChannels(toBuild, { providers });
  try {
    for (const [index, channel] of ready) checkReadyTemplates(config, { channel, index });
    let next = 0;
    const channels = config.channels.map((_, index) => ready.get(index) ?? (built[next++] as SmsChannel));
    return new ChannelRouter({ ...routerOptions, channels, templates: config.templates });
  } catch (error) {
    // The channels built here hold connections; ready ones belong to the caller.
    void Promise.allSettled(built.map((channel) => channel.close()));
    throw error;
  }
}

function checkReadyTemplates(config: ChannelsConfig, at: { channel: SmsChannel; index: number }): void {
  for (const template of config.templates) {
    const fields = template.channels[at.channel.name];
    if (fields === undefined) continue;
    const failure = at.channel.checkTemplate({ fields });
    if (failure !== undefined) throw new ChannelConfigError({ path: `templates.${template.name}.${at.channel.name}`, message: failure.error.message });
  }
}
