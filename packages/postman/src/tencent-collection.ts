import type { PostmanCollection, PostmanEnvironment, PostmanEvent, PostmanRequestItem } from './collection-format.js';
import { COLLECTION_SCHEMA_V21 } from './collection-format.js';
import { normalizeBaseUrl } from './environment.js';
import { stableId } from './stable-id.js';
import { TENCENT_SIGNING_SCRIPT } from './tencent-signing-script.js';

/** What {@link generateTencentCollection} needs; every field has a default. */
export interface TencentCollectionOptions {
  /** Where requests go (the environment's `tencentBaseUrl` wins). @defaultValue `'https://sms.tencentcloudapi.com'` */
  baseUrl?: string;
  /** The collection's name. @defaultValue `'smskit — Tencent Cloud SMS'` */
  name?: string;
}

/** What {@link generateTencentEnvironment} writes. */
export interface TencentEnvironmentOptions {
  /** Where requests go. */
  baseUrl: string;
  /** The SecretId. */
  secretId?: string;
  /** The SecretKey, marked secret; written only when given. */
  secretKey?: string;
  /** The SmsSdkAppId. */
  sdkAppId?: string;
  /** @defaultValue `'ap-guangzhou'` */
  region?: string;
}

function script(listen: 'prerequest' | 'test', source: string, id: string): PostmanEvent {
  return { listen, script: { id: stableId(`tencent:script:${id}`), type: 'text/javascript', exec: source.split('\n') } };
}

const NO_ERROR_TEST = `pm.test('answers without Response.Error', function () {
  const json = pm.response.json();
  pm.expect(json.Response, 'a Response object').to.be.an('object');
  pm.expect(json.Response.Error, JSON.stringify(json.Response.Error || {})).to.equal(undefined);
  pm.expect(json.Response.RequestId).to.be.a('string');
});`;

const REQUESTS = [
  {
    action: 'SendSms',
    body: '{\n  "PhoneNumberSet": ["{{phone}}"],\n  "SmsSdkAppId": "{{sdkAppId}}",\n  "TemplateId": "{{templateId}}",\n  "SignName": "{{signName}}",\n  "TemplateParamSet": ["123456", "5"],\n  "SessionContext": "postman"\n}',
    test: `${NO_ERROR_TEST}\npm.test('every number answers Ok', function () {\n  const set = pm.response.json().Response.SendStatusSet;\n  pm.expect(set.length).to.be.above(0);\n  set.forEach(function (status) { pm.expect(status.Code, status.PhoneNumber + ': ' + status.Message).to.equal('Ok'); });\n});`,
  },
  { action: 'PullSmsSendStatus', body: '{\n  "SmsSdkAppId": "{{sdkAppId}}",\n  "Limit": 100\n}', test: `${NO_ERROR_TEST}\npm.test('answers a receipt list', function () { pm.expect(pm.response.json().Response.PullSmsSendStatusSet).to.be.an('array'); });` },
  { action: 'PullSmsReplyStatus', body: '{\n  "SmsSdkAppId": "{{sdkAppId}}",\n  "Limit": 100\n}', test: `${NO_ERROR_TEST}\npm.test('answers a reply list', function () { pm.expect(pm.response.json().Response.PullSmsReplyStatusSet).to.be.an('array'); });` },
];

/**
 * A Postman Collection v2.1 for Tencent Cloud SMS: SendSms, PullSmsSendStatus and
 * PullSmsReplyStatus, each with its X-TC-Action and tests, and a collection-level pre-request
 * script that signs TC3-HMAC-SHA256 with CryptoJS ({@link TENCENT_SIGNING_SCRIPT}).
 *
 * @throws `SmsError` 40004 for a `baseUrl` that is not an http(s) URL.
 */
export function generateTencentCollection(options: TencentCollectionOptions = {}): PostmanCollection {
  const name = options.name ?? 'smskit — Tencent Cloud SMS';
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? 'https://sms.tencentcloudapi.com');
  const item: PostmanRequestItem[] = REQUESTS.map((request) => ({
    id: stableId(`tencent:request:${request.action}`),
    name: request.action,
    request: {
      method: 'POST',
      url: { raw: '{{tencentBaseUrl}}/', host: ['{{tencentBaseUrl}}'], path: [''] },
      header: [
        { key: 'X-TC-Action', value: request.action },
        { key: 'Content-Type', value: 'application/json; charset=utf-8' },
      ],
      body: { mode: 'raw', raw: request.body, options: { raw: { language: 'json' } } },
    },
    response: [],
    event: [script('test', request.test, request.action)],
  }));
  const variable = (key: string, value: string) => ({ key, value, type: 'string' });
  return {
    info: { _postman_id: stableId(`tencent:collection:${name}`), name, schema: COLLECTION_SCHEMA_V21, description: { content: 'Tencent Cloud SMS API 3.0, signed by the collection’s pre-request script (TC3-HMAC-SHA256). Set secretId and secretKey in the environment.', type: 'text/markdown' } },
    item: [{ id: stableId('tencent:folder'), name: 'Tencent Cloud SMS', item, event: [] }],
    event: [script('prerequest', TENCENT_SIGNING_SCRIPT, 'collection')],
    variable: [variable('tencentBaseUrl', baseUrl), variable('region', 'ap-guangzhou'), variable('service', 'sms'), variable('phone', '13800138000'), variable('templateId', '1110'), variable('signName', 'smskit'), variable('sdkAppId', '')],
  };
}

/** A Postman environment for {@link generateTencentCollection}: the SecretKey marked secret, written only when given. */
export function generateTencentEnvironment(options: TencentEnvironmentOptions): PostmanEnvironment {
  return {
    id: stableId(`tencent:environment:${options.baseUrl}`),
    name: 'smskit Tencent',
    values: [
      { key: 'tencentBaseUrl', value: normalizeBaseUrl(options.baseUrl), type: 'default', enabled: true },
      { key: 'secretId', value: options.secretId ?? '', type: 'default', enabled: true },
      { key: 'secretKey', value: options.secretKey ?? '', type: 'secret', enabled: true },
      { key: 'sdkAppId', value: options.sdkAppId ?? '', type: 'default', enabled: true },
      { key: 'region', value: options.region ?? 'ap-guangzhou', type: 'default', enabled: true },
    ],
    _postman_variable_scope: 'environment',
  };
}
