import vm from 'node:vm';
import { ERROR_CODES, isSmsError, type PlatformCode } from '@smskit/core';
import { PostmanValidator } from '@har-sdk/validator';
import postman from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { COLLECTION_SCHEMA_V21, generateCollection, SIGNING_SCRIPT, type PostmanCollection, type PostmanRequestItem } from '../src/index.js';

const { Collection } = postman;

function requestsOf(collection: PostmanCollection): PostmanRequestItem[] {
  return collection.item.flatMap((folder) => folder.item);
}

describe('a valid Postman Collection v2.1', () => {
  it('passes the v2.1 JSON schema', async () => {
    const collection = generateCollection();
    expect(collection.info.schema).toBe(COLLECTION_SCHEMA_V21);
    expect(await new PostmanValidator().verify(collection as never)).toEqual([]);
  });

  it('is rejected by that schema check once broken (the check can fail)', async () => {
    const broken = structuredClone(generateCollection()) as unknown as { item: { item: { request: unknown }[] }[] };
    (broken.item[0] as { item: { request: unknown }[] }).item[0] = { request: { method: 42 } };
    expect((await new PostmanValidator().verify(broken as never)).length).toBeGreaterThan(0);
  });

  it('parses with the postman-collection SDK into the same document', () => {
    const json = generateCollection();
    const parsed = new Collection(json as never);
    expect(Collection.isCollection(parsed)).toBe(true);
    const requests: string[] = [];
    parsed.forEachItem((item) => requests.push(`${item.request.method} ${item.request.url.getPath()}`));
    expect(requests).toEqual([
      'POST /message/send',
      'POST /message/sendBatch',
      'POST /sms/arriveRes/qry',
      'POST /sms/send/statistics',
      'POST /sms/residueValue/qry',
      'POST /health/info',
    ]);
    expect(parsed.events.listeners('prerequest')[0]?.script.toSource()).toBe(SIGNING_SCRIPT);
  });

  it('is the same document for the same options (stable ids, nothing random)', () => {
    expect(generateCollection({ baseUrl: 'http://127.0.0.1:4010' })).toEqual(generateCollection({ baseUrl: 'http://127.0.0.1:4010' }));
    const ids = JSON.stringify(generateCollection()).match(/"(?:id|_postman_id)":"[^"]+"/g) ?? [];
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('one documented, tested request per endpoint, in folders', () => {
  const collection = generateCollection();

  it('files the endpoints in Send, Receipts & statistics, Account', () => {
    expect(collection.item.map((folder) => [folder.name, folder.item.map((item) => item.request.url.raw)])).toEqual([
      ['Send', ['{{baseUrl}}/message/send', '{{baseUrl}}/message/sendBatch']],
      ['Receipts & statistics', ['{{baseUrl}}/sms/arriveRes/qry', '{{baseUrl}}/sms/send/statistics']],
      ['Account', ['{{baseUrl}}/sms/residueValue/qry', '{{baseUrl}}/health/info']],
    ]);
  });

  for (const item of requestsOf(collection)) {
    describe(item.request.url.raw, () => {
      it('is a POST of a JSON object body with a description', () => {
        expect(item.request.method).toBe('POST');
        expect(item.request.header).toContainEqual({ key: 'Content-Type', value: 'application/json' });
        expect(item.request.description?.content.length).toBeGreaterThan(40);
        const body = JSON.parse((item.request.body?.raw ?? '').replace(/\{\{[^{}]+\}\}/g, 'x')) as unknown;
        expect(body).toBeTypeOf('object');
      });

      it('saves a success example and error examples worded as the platform words them', () => {
        const [success, ...errors] = item.response;
        expect(success?.code).toBe(200);
        expect(JSON.parse(success?.body ?? '')).toMatchObject({ code: 200, requestId: expect.any(String) });
        expect(errors.length).toBeGreaterThan(0);
        for (const example of errors) {
          const body = JSON.parse(example.body) as { code: PlatformCode; message: string };
          expect(example.name).toBe(`${body.code} ${ERROR_CODES[body.code].message}`);
          expect(body.message).toBe(ERROR_CODES[body.code].message);
          expect(example.code).toBe(ERROR_CODES[body.code].httpStatus);
          expect(example.originalRequest.body?.raw).toBe(item.request.body?.raw);
        }
      });

      it('has tests that compile and use pm.test', () => {
        const source = item.event.find((event) => event.listen === 'test')?.script.exec.join('\n') ?? '';
        expect(source).toContain('pm.test(');
        expect(() => new vm.Script(source)).not.toThrow();
      });
    });
  }

  it('runs the signing script before, and the envelope check after, every request', () => {
    const scripts = Object.fromEntries(collection.event.map((event) => [event.listen, event.script.exec.join('\n')]));
    expect(scripts.prerequest).toBe(SIGNING_SCRIPT);
    expect(scripts.test).toContain("pm.test('code is 200 (请求成功)'");
    expect(scripts.test).toContain(ERROR_CODES[2001].hint);
    for (const source of Object.values(scripts)) expect(() => new vm.Script(source ?? '')).not.toThrow();
  });
});

describe('scripts that run in the Postman sandbox', () => {
  // The sandbox's legacy globals (postman-sandbox's LEGACY_GLOBS): a top-level const/let of
  // one of these names is a SyntaxError there ("Identifier 'data' has already been declared").
  const LEGACY_GLOBALS = ['tests', 'globals', 'environment', 'data', 'request', 'responseCookies', 'responseHeaders', 'responseTime', 'responseCode', 'responseBody', 'iteration', 'postman', '_', 'CryptoJS', 'atob', 'btoa', 'tv4', 'xml2Json', 'Backbone', 'cheerio'];
  const collection = generateCollection();
  const scripts = [...collection.event, ...requestsOf(collection).flatMap((item) => item.event)].map((event) => event.script.exec);

  it('declare no top-level name that the sandbox already holds', () => {
    for (const lines of scripts) {
      for (const line of lines) {
        const declared = /^(?:const|let|var|function|class)\s+([\w$]+)/.exec(line)?.[1];
        if (declared !== undefined) expect(LEGACY_GLOBALS).not.toContain(declared);
      }
    }
  });
});

describe('options', () => {
  it('sets the collection variables the requests and the script read', () => {
    const collection = generateCollection({ baseUrl: 'http://127.0.0.1:4010/', templateCode: '817436511033106432', phone: '13900139000', signMethod: 'HmacSHA512' });
    expect(Object.fromEntries(collection.variable.map((variable) => [variable.key, variable.value]))).toEqual({
      baseUrl: 'http://127.0.0.1:4010',
      signMethod: 'HmacSHA512',
      signDialect: 'skip-empty',
      templateCode: '817436511033106432',
      phone: '13900139000',
      msgId: '',
    });
  });

  it('defaults to the platform, HmacSHA256, and never holds a key', () => {
    const collection = generateCollection();
    const variables = Object.fromEntries(collection.variable.map((variable) => [variable.key, variable.value]));
    expect(variables.baseUrl).toBe('https://opassapi.infocloud.cc');
    expect(variables.signMethod).toBe('HmacSHA256');
    expect(Object.keys(variables)).not.toContain('accessKey');
    expect(Object.keys(variables)).not.toContain('apiKey');
  });

  it.each([['ftp://example.com'], ['not a url'], ['https://user:pass@example.com'], ['https://example.com/?a=1']])('rejects the baseUrl %s with 40004', (baseUrl) => {
    let thrown: unknown;
    try {
      generateCollection({ baseUrl });
    } catch (error) {
      thrown = error;
    }
    expect(isSmsError(thrown) && thrown.code).toBe(40004);
    expect(String((thrown as Error).message)).not.toContain('pass');
  });

  it('rejects an unsupported sign method with 40004', () => {
    expect(() => generateCollection({ signMethod: 'HmacSHA3' as never })).toThrow(/Unsupported sign method "HmacSHA3"/);
  });
});
