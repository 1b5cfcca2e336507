import type { PostmanEnvironment } from './collection-format.js';
import { stableId } from './stable-id.js';

/**
 * The pre-request script of the Aliyun collection: signs each request with RPC signature V1
 * in Postman's sandbox (CryptoJS), as `@smskit/aliyun`'s `signedRpcParams` does — every query
 * parameter plus the common ones, a fresh nonce and timestamp, strict RFC 3986 encoding
 * (`!'()*` encoded, which `encodeURIComponent` alone leaves bare).
 */
export const ALIYUN_SIGNING_SCRIPT = String.raw`// smskit: signs this request with Aliyun RPC signature V1 (HMAC-SHA1).
var secret = pm.variables.get('aliyunAccessKeySecret');
var params = {};
pm.request.url.query.each(function (q) { if (!q.disabled && q.key !== 'Signature') params[q.key] = pm.variables.replaceIn(q.value == null ? '' : String(q.value)); });
if (params.SendDate === '') params.SendDate = new Date(Date.now() + 8 * 3600000).toISOString().slice(0, 10).replace(/-/g, '');
params.Format = 'JSON';
params.Version = '2017-05-25';
params.AccessKeyId = pm.variables.get('aliyunAccessKeyId');
params.SignatureMethod = 'HMAC-SHA1';
params.SignatureVersion = '1.0';
params.SignatureNonce = pm.variables.replaceIn('{{$guid}}');
params.Timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
function enc(s) { return encodeURIComponent(s).replace(/[!'()*]/g, function (c) { return '%' + c.charCodeAt(0).toString(16).toUpperCase(); }); }
var canonical = Object.keys(params).sort().map(function (k) { return enc(k) + '=' + enc(params[k]); }).join('&');
var stringToSign = pm.request.method + '&%2F&' + enc(canonical);
params.Signature = CryptoJS.HmacSHA1(stringToSign, secret + '&').toString(CryptoJS.enc.Base64);
pm.request.url.query.clear();
Object.keys(params).forEach(function (k) { pm.request.url.query.add({ key: enc(k), value: enc(params[k]) }); });
`;

const CHECK_SCRIPT = String.raw`pm.test('Aliyun answered Code OK', function () {
  var body = pm.response.json();
  if (body.Code !== 'OK') console.log('Aliyun answered ' + body.Code + ': ' + body.Message);
  pm.expect(body.Code).to.eql('OK');
});`;

/** What {@link generateAliyunCollection} needs; every field has a default. */
export interface AliyunCollectionOptions {
  /** The default endpoint (the environment's `aliyunEndpoint` wins). @defaultValue `'https://dysmsapi.aliyuncs.com'` */
  endpoint?: string;
  /** The template the examples send. @defaultValue `'SMS_154950909'` (the smskit sandbox's) */
  templateCode?: string;
  /** The signature text the examples send. @defaultValue `'smskit'` */
  signName?: string;
  /** The number the examples send to. @defaultValue `'13800138000'` */
  phone?: string;
}

function request(input: { name: string; action: string; query: [string, string][] }) {
  return {
    id: stableId(`aliyun:${input.action}`),
    name: input.name,
    request: {
      method: 'POST',
      url: {
        raw: `{{aliyunEndpoint}}/?Action=${input.action}`,
        host: ['{{aliyunEndpoint}}'],
        path: [''],
        query: [{ key: 'Action', value: input.action }, ...input.query.map(([key, value]) => ({ key, value }))],
      },
      header: [],
    },
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: CHECK_SCRIPT.split('\n') } }],
  };
}

/**
 * A Postman collection (v2.1) for Aliyun dysmsapi 2017-05-25 — SendSms, SendBatchSms and
 * QuerySendDetails — whose collection-level pre-request script signs every request
 * ({@link ALIYUN_SIGNING_SCRIPT}). Plain data, ready for `JSON.stringify`.
 */
export function generateAliyunCollection(options: AliyunCollectionOptions = {}) {
  const templateCode = options.templateCode ?? 'SMS_154950909';
  const signName = options.signName ?? 'smskit';
  const phone = options.phone ?? '13800138000';
  return {
    info: { _postman_id: stableId('aliyun-collection'), name: 'smskit — Aliyun SMS (dysmsapi)', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      request({ name: 'SendSms', action: 'SendSms', query: [['PhoneNumbers', `{{aliyunPhone}}`], ['SignName', signName], ['TemplateCode', templateCode], ['TemplateParam', '{"code":"123456"}'], ['OutId', "postman-(1)!"]] }),
      request({ name: 'SendBatchSms', action: 'SendBatchSms', query: [['PhoneNumberJson', `["{{aliyunPhone}}"]`], ['SignNameJson', `["${signName}"]`], ['TemplateCode', templateCode], ['TemplateParamJson', '[{"code":"654321"}]']] }),
      request({ name: 'QuerySendDetails', action: 'QuerySendDetails', query: [['PhoneNumber', '{{aliyunPhone}}'], ['SendDate', ''], ['PageSize', '10'], ['CurrentPage', '1']] }),
    ],
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: ALIYUN_SIGNING_SCRIPT.split('\n') } }],
    variable: [
      { key: 'aliyunEndpoint', value: options.endpoint ?? 'https://dysmsapi.aliyuncs.com' },
      { key: 'aliyunPhone', value: phone },
    ],
  };
}

/** The environment the Aliyun collection reads: the AccessKey (secret masked) and the endpoint. */
export function generateAliyunEnvironment(options: { accessKeyId?: string; accessKeySecret?: string; endpoint?: string } = {}): PostmanEnvironment {
  return {
    id: stableId('aliyun-environment'),
    name: 'smskit — Aliyun',
    values: [
      { key: 'aliyunAccessKeyId', value: options.accessKeyId ?? '', type: 'default', enabled: true },
      { key: 'aliyunAccessKeySecret', value: options.accessKeySecret ?? '', type: 'secret', enabled: true },
      ...(options.endpoint === undefined ? [] : [{ key: 'aliyunEndpoint', value: options.endpoint, type: 'default' as const, enabled: true }]),
    ],
    _postman_variable_scope: 'environment',
  };
}
