import { chmod, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { SignMethod } from '@smskit/core';
import { generateCollection } from './collection.js';
import { generateEnvironment } from './environment.js';

/** What {@link writePostmanFiles} needs: the options of `smskit postman`. */
export interface PostmanFilesOptions {
  /** The API's origin (`--base-url`), written into both files. */
  baseUrl: string;
  /** Where the collection goes (`--out`). @defaultValue `'smskit.postman_collection.json'` */
  out?: string;
  /** Where the environment goes (`--env-out`). @defaultValue `'smskit.postman_environment.json'` */
  envOut?: string;
  /** The apiKey to put in the environment. @defaultValue `''` */
  apiKey?: string;
  /**
   * The accessKey to put in the environment; only when the user passes it. The file is then
   * written readable by its owner only. @defaultValue `''`
   */
  accessKey?: string;
  /** The sign method. @defaultValue `'HmacSHA256'` */
  signMethod?: SignMethod;
  /** The template number the send examples use. @defaultValue `'100001'` */
  templateCode?: string;
}

/** Where {@link writePostmanFiles} wrote, as absolute paths. */
export interface PostmanFilesWritten {
  /** The collection file. */
  collectionPath: string;
  /** The environment file. */
  environmentPath: string;
}

/**
 * Generates the collection and the environment and writes them as JSON files, ready for
 * Postman's *Import* and for `newman run -e`. What `smskit postman` runs.
 *
 * @throws `SmsError` (40004, from `@smskit/core`) for a bad `baseUrl` or `signMethod`, before anything is written.
 */
export async function writePostmanFiles(options: PostmanFilesOptions): Promise<PostmanFilesWritten> {
  const collection = generateCollection({ baseUrl: options.baseUrl, signMethod: options.signMethod, templateCode: options.templateCode });
  const environment = generateEnvironment({
    baseUrl: options.baseUrl,
    apiKey: options.apiKey,
    accessKey: options.accessKey,
    signMethod: options.signMethod,
  });
  const collectionPath = resolve(options.out ?? 'smskit.postman_collection.json');
  const environmentPath = resolve(options.envOut ?? 'smskit.postman_environment.json');
  await writeFile(collectionPath, JSON.stringify(collection, null, 2) + '\n', 'utf8');
  await writeFile(environmentPath, JSON.stringify(environment, null, 2) + '\n', { encoding: 'utf8', mode: options.accessKey ? 0o600 : 0o644 });
  // `mode` applies only to a new file: an existing one holding the accessKey is narrowed too.
  if (options.accessKey) await chmod(environmentPath, 0o600);
  return { collectionPath, environmentPath };
}
