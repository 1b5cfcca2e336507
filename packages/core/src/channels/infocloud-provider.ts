import { toSmsError } from '../errors.js';
import type { SmsClientOptions } from '../client/options.js';
import type { ChannelFactoryInput, ChannelProvider, ChannelTemplateFields, SmsChannel } from './channel.js';
import { ChannelConfigError } from './config-error.js';
import { infocloudChannel } from './infocloud-channel.js';
import { readInfocloudTemplate } from './infocloud-template.js';

const STRINGS = ['apiKey', 'accessKey', 'baseUrl', 'signMethod'] as const;
const NUMBERS = ['timeoutMs', 'connectTimeoutMs', 'concurrency', 'connections'] as const;
const REQUIRED = new Set<string>(['apiKey', 'accessKey']);

function create(input: ChannelFactoryInput): SmsChannel {
  const options: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input.fields)) {
    const path = `${input.path}.${key}`;
    if ((STRINGS as readonly string[]).includes(key)) {
      if (typeof value !== 'string' || value === '') throw new ChannelConfigError({ path, message: 'must be a non-empty string (or { "env": "VAR" }).' });
    } else if ((NUMBERS as readonly string[]).includes(key)) {
      if (typeof value !== 'number') throw new ChannelConfigError({ path, message: 'must be a number.' });
    } else {
      throw new ChannelConfigError({ path, message: `is not a field of an infocloud channel (fields: ${[...STRINGS, ...NUMBERS].join(', ')}).` });
    }
    options[key] = value;
  }
  for (const key of REQUIRED) {
    if (options[key] === undefined) throw new ChannelConfigError({ path: `${input.path}.${key}`, message: 'is required (put the secret in the environment: { "env": "VAR" }).' });
  }
  try {
    return infocloudChannel({ name: input.name, clientOptions: options as unknown as Omit<SmsClientOptions, 'retry'> });
  } catch (error) {
    // The client's messages name the option at fault and never a key's value.
    throw new ChannelConfigError({ path: input.path, message: toSmsError(error).message });
  }
}

function checkTemplateFields(input: { readonly fields: ChannelTemplateFields; readonly path: string }): void {
  const template = readInfocloudTemplate(input.fields);
  if ('failure' in template) throw new ChannelConfigError({ path: input.path, message: template.error.message, hint: template.error.hint });
}

/**
 * The infocloud provider of the config file: `{ "name", "provider": "infocloud", "apiKey",
 * "accessKey", "baseUrl"?, "signMethod"?, "timeoutMs"?, "connectTimeoutMs"?, "concurrency"?,
 * "connections"? }`; templates `{ "templateCode", "params"?, "text"?, "upExtendCode"? }`.
 * Always known to {@link createChannels}.
 */
export const infocloudProvider: ChannelProvider = { provider: 'infocloud', create, checkTemplateFields };
