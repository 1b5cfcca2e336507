/*
 * The channels config file, like the panel's SMS settings: channels in priority order and
 * logical templates. Pure: the caller reads the file and passes the environment; provider
 * packages plug in through ChannelProvider, so core never imports them.
 */
import type { ChannelProvider, ChannelTemplateFields, LogicalTemplate, SmsChannel } from './channel.js';
import { ChannelConfigError } from './config-error.js';
import { infocloudProvider } from './infocloud-provider.js';

/** One entry of `channels`, read: its name, provider and other fields (env resolved). */
export interface ChannelEntry {
  /** The channel's name. */
  readonly name: string;
  /** Its provider (`infocloud`, `aliyun`, `tencent`, or one a package registers). */
  readonly provider: string;
  /** Every other field, `{ "env": "VAR" }` replaced by the variable's value. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Where it is in the file (`channels[0]`). */
  readonly path: string;
}

/** A config file, read and checked (but no channel built yet). */
export interface ChannelsConfig {
  /** The channels, in priority order. */
  readonly channels: readonly ChannelEntry[];
  /** The logical templates. */
  readonly templates: readonly LogicalTemplate[];
}

/** What {@link parseChannelsConfig} needs besides the file. */
export interface ParseChannelsConfigOptions {
  /** Where `{ "env": "VAR" }` values come from (`process.env`, usually). @defaultValue {} */
  env?: Readonly<Record<string, string | undefined>>;
}

const MAX_DEPTH = 32;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Replaces every `{ "env": "VAR" }` at any depth by the variable's value. */
function resolveEnv(value: unknown, context: { path: string; env: Readonly<Record<string, string | undefined>>; depth: number }): unknown {
  if (context.depth > MAX_DEPTH) throw new ChannelConfigError({ path: context.path, message: `nested deeper than ${MAX_DEPTH} levels.` });
  if (Array.isArray(value)) return value.map((item, i) => resolveEnv(item, { ...context, path: `${context.path}[${i}]`, depth: context.depth + 1 }));
  // Paths read as the other errors' do (`channels[0].accessKey`), from the root's keys down.
  const at = (key: string) => (context.path === '' ? key : `${context.path}.${key}`);
  if (!isObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === 'env') {
    const name = value.env;
    if (typeof name !== 'string' || name === '') throw new ChannelConfigError({ path: context.path, message: '"env" must name an environment variable.' });
    const resolved = context.env[name];
    if (resolved === undefined || resolved === '') throw new ChannelConfigError({ path: context.path, message: `the environment variable ${name} is not set.`, hint: `Set ${name} in the environment of the process that reads this file.` });
    return resolved;
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') throw new ChannelConfigError({ path: at(key), message: 'this key is not allowed.' });
    out[key] = resolveEnv(value[key], { ...context, path: at(key), depth: context.depth + 1 });
  }
  return out;
}

function readChannels(value: unknown): ChannelEntry[] {
  if (!Array.isArray(value) || value.length === 0) throw new ChannelConfigError({ path: 'channels', message: 'must be a non-empty array of channels, primary first.' });
  const names = new Set<string>();
  return value.map((entry, index) => {
    const path = `channels[${index}]`;
    if (!isObject(entry)) throw new ChannelConfigError({ path, message: 'must be an object { "name", "provider", … }.' });
    const { name, provider, ...fields } = entry;
    if (typeof name !== 'string' || !NAME.test(name)) throw new ChannelConfigError({ path: `${path}.name`, message: 'must be 1–64 characters of letters, digits, "_", "." and "-".' });
    if (names.has(name)) throw new ChannelConfigError({ path: `${path}.name`, message: `"${name}" names an earlier channel too; names must be unique.` });
    names.add(name);
    if (typeof provider !== 'string' || provider === '') throw new ChannelConfigError({ path: `${path}.provider`, message: 'must name a provider: "infocloud", "aliyun" or "tencent".' });
    return { name, provider, fields, path };
  });
}

function readTemplates(value: unknown, channels: readonly ChannelEntry[]): LogicalTemplate[] {
  if (value === undefined) return [];
  if (!isObject(value)) throw new ChannelConfigError({ path: 'templates', message: 'must be an object from a logical name to { <channel name>: { …template fields } }.' });
  const known = new Set(channels.map((channel) => channel.name));
  return Object.entries(value).map(([name, perChannel]) => {
    const path = `templates.${name}`;
    if (!isObject(perChannel) || Object.keys(perChannel).length === 0) throw new ChannelConfigError({ path, message: 'must map at least one channel name to its template fields.' });
    const entries: Record<string, ChannelTemplateFields> = {};
    for (const [channel, fields] of Object.entries(perChannel)) {
      if (!known.has(channel)) throw new ChannelConfigError({ path: `${path}.${channel}`, message: `no channel is named "${channel}"; channels: ${[...known].join(', ')}.` });
      if (!isObject(fields)) throw new ChannelConfigError({ path: `${path}.${channel}`, message: 'must be an object of the provider\'s template fields.' });
      entries[channel] = fields;
    }
    return { name, channels: entries };
  });
}

/**
 * Reads a channels config file: `{ "channels": [{ "name", "provider", … }], "templates":
 * { "<logical name>": { "<channel name>": { … } } } }`, any value of which may be
 * `{ "env": "VAR" }`. Checks the shape common to every provider; each provider checks its own
 * fields when {@link createChannels} builds the channels.
 *
 * @param source - The file's text, or its already-parsed JSON.
 * @throws {@link ChannelConfigError} (40004) naming the path of the first problem.
 */
export function parseChannelsConfig(source: string | unknown, options: ParseChannelsConfigOptions = {}): ChannelsConfig {
  let json: unknown = source;
  if (typeof source === 'string') {
    try {
      json = JSON.parse(source);
    } catch {
      // V8's message quotes the text around the fault, which may be a secret written in the
      // file: none of it is repeated.
      throw new ChannelConfigError({ path: '(file)', message: 'is not valid JSON (check its quotes, commas and braces).' });
    }
  }
  if (!isObject(json)) throw new ChannelConfigError({ path: '(file)', message: 'must be a JSON object with "channels" and "templates".' });
  const resolved = resolveEnv(json, { path: '', env: options.env ?? {}, depth: 0 }) as Record<string, unknown>;
  const unknownKeys = Object.keys(resolved).filter((key) => key !== 'channels' && key !== 'templates' && key !== '$schema');
  if (unknownKeys.length > 0) throw new ChannelConfigError({ path: unknownKeys[0] as string, message: 'is not a key of a channels config (only "channels" and "templates").' });
  const channels = readChannels(resolved.channels);
  return { channels, templates: readTemplates(resolved.templates, channels) };
}

/**
 * Builds the channels of a config with the providers given (core's infocloud provider is
 * always known; pass `@smskit/aliyun`'s and `@smskit/tencent`'s providers for theirs), and
 * has each provider check its template entries.
 *
 * @throws {@link ChannelConfigError} for an unknown provider, or from the provider naming the field at fault.
 */
export function createChannels(config: ChannelsConfig, options: { providers?: readonly ChannelProvider[] } = {}): SmsChannel[] {
  const providers = new Map([infocloudProvider, ...(options.providers ?? [])].map((provider) => [provider.provider, provider]));
  const built: SmsChannel[] = [];
  try {
    for (const entry of config.channels) {
      const provider = providers.get(entry.provider);
      if (provider === undefined) {
        throw new ChannelConfigError({ path: `${entry.path}.provider`, message: `no provider "${entry.provider}" is installed; known: ${[...providers.keys()].join(', ')}.`, hint: `Install the provider's package (@smskit/${entry.provider}) and pass its provider.` });
      }
      const channel = provider.create({ name: entry.name, fields: entry.fields, path: entry.path });
      built.push(channel);
      for (const template of config.templates) {
        const fields = template.channels[entry.name];
        if (fields === undefined) continue;
        const path = `templates.${template.name}.${entry.name}`;
        if (provider.checkTemplateFields !== undefined) provider.checkTemplateFields({ fields, path });
        else {
          const failure = channel.checkTemplate({ fields });
          if (failure !== undefined) throw new ChannelConfigError({ path, message: failure.error.message });
        }
      }
    }
  } catch (error) {
    // Channels built before the error hold connections: release them.
    void Promise.allSettled(built.map((channel) => channel.close()));
    throw error;
  }
  return built;
}

