import { readFile } from 'node:fs/promises';
import { ChannelConfigError, createChannels, parseChannelsConfig, type ChannelProvider, type ChannelsConfig, type SmsChannel } from '@smskit/core';
import { UsageError, type CliIo } from '../io.js';
import { CLI_PROVIDERS } from './providers.js';

/** A config file read, checked, and its channels built (nothing sent, nothing connected yet). */
export interface LoadedChannels {
  /** The file, read. */
  readonly config: ChannelsConfig;
  /** Its channels, in priority order. */
  readonly channels: SmsChannel[];
}

/** The values of every `{ "env": "VAR" }` the file names, longest first: what an error must never print. */
function envValuesIn(text: string, env: CliIo['env']): string[] {
  const values = new Set<string>();
  // A scan of the text, not a walk of the parsed JSON: it finds the names even when the file
  // is too deep or too broken to parse, and cannot recurse.
  for (const match of text.matchAll(/"env"\s*:\s*"((?:[^"\\]|\\.)*)"/g)) {
    let name: string;
    try {
      name = JSON.parse(`"${match[1] ?? ''}"`) as string;
    } catch {
      continue; // a broken escape: the parser reports the file itself
    }
    const value = env[name];
    if (value !== undefined && value !== '') values.add(value);
  }
  return [...values].sort((a, b) => b.length - a.length);
}

function redact(message: string, secrets: readonly string[]): string {
  return secrets.reduce((text, secret) => text.split(secret).join('***'), message);
}

/**
 * Reads `--config FILE`, resolves `{ "env": "VAR" }` from the CLI's environment, and builds the
 * channels with the CLI's providers. Every mistake in the file is one usage line naming the
 * file and the path at fault (exit 2); the error never carries a field's value, which may be a
 * secret.
 */
export async function loadChannels(file: string, io: CliIo, providers: readonly ChannelProvider[] = CLI_PROVIDERS): Promise<LoadedChannels> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --config ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const config = parseChannelsConfig(text, { env: io.env });
    return { config, channels: createChannels(config, { providers }) };
  } catch (error) {
    // Core's errors name paths, not values; but a provider may quote a field it cannot use
    // (an unknown signMethod, say), and that field may come from the environment: mask those.
    if (error instanceof ChannelConfigError) throw new UsageError(`${file}: ${redact(error.message, envValuesIn(text, io.env))}`);
    if (error instanceof RangeError) throw new UsageError(`${file}: nested too deeply to read`);
    throw error;
  }
}
