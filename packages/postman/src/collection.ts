import { STATUS_CODES } from 'node:http';
import { DEFAULT_SIGN_METHOD, describeCode, isSignMethod, SmsError, type SignMethod } from '@smskit/core';
import postman, { type RequestBodyDefinition, type RequestDefinition, type ResponseDefinition } from 'postman-collection';
import {
  COLLECTION_SCHEMA_V21,
  type PostmanCollection,
  type PostmanDescription,
  type PostmanRequest,
  type PostmanVariable,
} from './collection-format.js';
import { ENDPOINTS, FOLDERS, type EndpointEntry } from './endpoints.js';
import { normalizeBaseUrl } from './environment.js';
import { responseCheckScript } from './response-script.js';
import { SIGNING_SCRIPT } from './signing-script.js';
import { stableId } from './stable-id.js';

/** What {@link generateCollection} needs; every field has a default. */
export interface CollectionOptions {
  /**
   * The default `baseUrl` (a collection variable: the environment's value wins).
   * @defaultValue `'https://opassapi.infocloud.cc'`
   */
  baseUrl?: string;
  /** The collection's name. @defaultValue `'smskit — SMS platform API'` */
  name?: string;
  /**
   * The template number the example bodies send: an approved template with one variable of
   * up to 6 characters (a verification code), by default the smskit sandbox's.
   * @defaultValue `'100001'`
   */
  templateCode?: string;
  /** The number the send example sends to. @defaultValue `'13800138000'` */
  phone?: string;
  /** The default sign method (the environment's `signMethod` wins). @defaultValue `'HmacSHA256'` */
  signMethod?: SignMethod;
}

// postman-collection is CommonJS whose named exports Node's ESM loader cannot detect.
const { Collection, Event, Item, ItemGroup, Response, Script } = postman;

const DEFAULT_BASE_URL = 'https://opassapi.infocloud.cc';

/**
 * A Postman Collection v2.1 for the SMS platform API: one request per endpoint of the
 * protocol, in folders, each with a description, an example body, saved example responses
 * (success and the common errors) and tests; a collection-level pre-request script that signs
 * every request as `@smskit/core` does ({@link SIGNING_SCRIPT}), and a collection-level test
 * that explains any code but 200. Built with the `postman-collection` SDK; the same options
 * always give the same document (ids are derived, not random).
 *
 * @throws `SmsError` (40004, from `@smskit/core`) for a `baseUrl` that is not an http(s) URL or an
 *   unsupported `signMethod`.
 */
export function generateCollection(options: CollectionOptions = {}): PostmanCollection {
  const name = options.name ?? 'smskit — SMS platform API';
  const signMethod = options.signMethod ?? DEFAULT_SIGN_METHOD;
  if (!isSignMethod(signMethod)) {
    throw new SmsError({ code: 40004, message: `Unsupported sign method "${String(signMethod)}".`, hint: 'Use HmacMD5, HmacSHA1, HmacSHA224, HmacSHA256, HmacSHA384 or HmacSHA512.' });
  }
  const collection = new Collection({
    info: { id: stableId(`collection:${name}`), name, description: markdown(COLLECTION_README) },
    variable: collectionVariables({ ...options, signMethod }),
  });
  collection.events.add(new Event(scriptEvent({ listen: 'prerequest', source: SIGNING_SCRIPT, id: 'collection:prerequest' })));
  collection.events.add(new Event(scriptEvent({ listen: 'test', source: responseCheckScript(), id: 'collection:test' })));
  for (const folder of FOLDERS) {
    const group = new ItemGroup<InstanceType<typeof Item>>({ id: stableId(`folder:${folder.name}`), name: folder.name, description: markdown(folder.description) });
    for (const endpoint of ENDPOINTS.filter((entry) => entry.folder === folder.name)) group.items.add(endpointItem(endpoint));
    collection.items.add(group);
  }
  return finish(collection.toJSON() as unknown as PostmanCollection);
}

function endpointItem(endpoint: EndpointEntry): InstanceType<typeof Item> {
  const request = requestDefinition(endpoint);
  const { description: _description, ...originalRequest } = request;
  const item = new Item({ id: stableId(`request:${endpoint.path}`), name: endpoint.name, request });
  item.events.add(new Event(scriptEvent({ listen: 'test', source: endpoint.tests, id: `request:${endpoint.path}:test` })));
  const examples: { code: number; title: string; body: Record<string, unknown> }[] = [
    { code: 200, title: 'OK', body: { code: 200, message: endpoint.success.message, ...endpoint.success.fields } },
    ...endpoint.errors.map((code) => ({ code, title: describeCode(code).message, body: { code, message: describeCode(code).message } })),
  ];
  for (const example of examples) {
    const httpStatus = describeCode(example.code).httpStatus;
    item.responses.add(
      new Response(responseDefinition({
        id: stableId(`response:${endpoint.path}:${example.code}`),
        name: `${example.code} ${example.title}`,
        originalRequest,
        code: httpStatus,
        status: STATUS_CODES[httpStatus] ?? '',
        header: [{ key: 'Content-Type', value: 'application/json' }],
        body: JSON.stringify({ ...example.body, requestId: stableId(`request-id:${endpoint.path}:${example.code}`) }, null, 2),
      })),
    );
  }
  return item;
}

function requestDefinition(endpoint: EndpointEntry): RequestDefinition {
  return {
    method: 'POST',
    url: `{{baseUrl}}${endpoint.path}`,
    header: [{ key: 'Content-Type', value: 'application/json' }],
    body: jsonBody(endpoint.body),
    description: markdown(endpoint.description),
  };
}

// @types/postman-collection predates the body `options` and the response `status` that the v5
// SDK reads and writes; these two identity functions keep the extra fields type-checked.
function jsonBody(raw: string): RequestBodyDefinition {
  const body: RequestBodyDefinition & { options: { raw: { language: string } } } = { mode: 'raw', raw, options: { raw: { language: 'json' } } };
  return body;
}

function responseDefinition(definition: Omit<ResponseDefinition, 'responseTime'> & { status: string }): ResponseDefinition {
  // A saved example has no response time; the typings require one.
  return definition as unknown as ResponseDefinition;
}

function scriptEvent(options: { listen: 'prerequest' | 'test'; source: string; id: string }): ConstructorParameters<typeof Event>[0] {
  return {
    listen: options.listen,
    script: new Script({ id: stableId(`script:${options.id}`), type: 'text/javascript', exec: options.source.split('\n') }),
  };
}

function collectionVariables(options: CollectionOptions & { signMethod: SignMethod }): PostmanVariable[] {
  const variable = (key: string, value: string, description: string): PostmanVariable => ({ key, value, type: 'string', description: markdown(description) });
  return [
    variable('baseUrl', normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL), 'Where requests go; the environment’s `baseUrl` overrides it.'),
    variable('signMethod', options.signMethod, 'The HMAC the pre-request script signs with; the environment’s `signMethod` overrides it.'),
    variable('signDialect', 'skip-empty', '`skip-empty` leaves body fields that are null or "" out of the signed string (smskit, the vendor’s Python and C# samples); `keep-empty` keeps them (the vendor’s PHP sample).'),
    variable('templateCode', options.templateCode ?? '100001', 'The template the send examples use: replace it with your approved template number (模板编号). The default is the smskit sandbox’s verification-code template, 您的验证码是{code,6}.'),
    variable('phone', options.phone ?? '13800138000', 'The number the send example sends to.'),
    variable('msgId', '', 'Set by the send requests’ tests; read by *Pull delivery receipts*.'),
  ];
}

function markdown(content: string): PostmanDescription {
  return { content, type: 'text/markdown' };
}

/**
 * Completes what the SDK's `toJSON` leaves out or adds: the v2.1 schema URL, each URL's `raw`
 * form and each example's preview language (Postman's own exports carry both), and no empty
 * `query`/`variable` arrays.
 */
function finish(json: PostmanCollection): PostmanCollection {
  json.info.schema = COLLECTION_SCHEMA_V21;
  const tidy = (request: PostmanRequest) => {
    const url = request.url as PostmanRequest['url'] & { query?: unknown[]; variable?: unknown[] };
    delete url.query;
    delete url.variable;
    url.raw = `${url.host.join('.')}/${url.path.join('/')}`;
  };
  for (const folder of json.item) {
    for (const item of folder.item) {
      tidy(item.request);
      for (const response of item.response) {
        tidy(response.originalRequest);
        response._postman_previewlanguage = 'json';
      }
    }
  }
  return json;
}

const COLLECTION_README = `Every request of the SMS platform API, signed automatically.

**Setup.** Import this collection and the smskit environment, select the environment (top right) and fill in \`apiKey\` and \`accessKey\` (console: 接口配置 → 接口信息). Then send any request.

**Signing.** The collection's pre-request script (open the collection, *Scripts* → *Pre-request*) adds the five \`x-\` headers to every request: it fills in the body's \`{{variables}}\`, builds the canonical string (body fields and the four headers sorted by key, \`key=value\` joined with \`&\`), and signs it with HMAC (\`signMethod\`, HmacSHA256 by default) under your accessKey. The accessKey never leaves Postman. The signed string is printed to the Postman Console.

**Tests.** Every response is checked for the platform's envelope and \`code\` 200; a failure explains the code and how to fix it. Each request also checks the shape of its \`data\`.

Generated by \`smskit postman\` (@smskit/postman).`;
