import { MAX_PHONES_PER_REQUEST, MAX_RECEIPT_QUERY_IDS, PLATFORM_ENDPOINTS, type PlatformCode, type PlatformEndpoint, type RateLimit } from '@smskit/core';

/** One endpoint of SPEC §3, as the collection presents it. */
export interface EndpointEntry {
  /** Which endpoint of core's `PLATFORM_ENDPOINTS` it is. */
  endpoint: PlatformEndpoint;
  /** The folder it is filed under. */
  folder: string;
  /** The request's title. */
  name: string;
  /** The path appended to `{{baseUrl}}` (from core's endpoint table). */
  path: string;
  /** What it does, in Markdown. */
  description: string;
  /** The example body, as JSON text with `{{variables}}`. */
  body: string;
  /** The `data` (and extra top-level fields) of a successful answer. */
  success: { message: string; fields: Record<string, unknown> };
  /** Errors worth a saved example, most common first. */
  errors: PlatformCode[];
  /** The request's own tests of `data`, as Postman script source. */
  tests: string;
}

/** A documented limit as the descriptions write it: `3 calls a minute`, `once every 15 s`. */
function rate(limit: RateLimit): string {
  if (limit.windowMs === 60_000) return `${limit.max} call${limit.max === 1 ? '' : 's'} a minute`;
  if (limit.max === 1) return `once every ${limit.windowMs / 1000} s`;
  return `${limit.max} calls per ${limit.windowMs / 1000} s`;
}

const { send, sendBatch, receipts, statistics, balance, health } = PLATFORM_ENDPOINTS;

/** The folders, in sidebar order, with what each holds. */
export const FOLDERS: readonly { name: string; description: string }[] = [
  { name: 'Send', description: 'Send messages from an approved template: one content to many numbers, or different values per number.' },
  {
    name: 'Receipts & statistics',
    description: `Delivery receipts and daily send statistics. Query endpoints are rate limited (receipts ${rate(receipts.rateLimit)}, statistics ${rate(statistics.rateLimit)}).`,
  },
  { name: 'Account', description: 'Remaining balance and the reachability probe.' },
];

/**
 * Reads `data` without failing the script when the body is not JSON (the collection test
 * reports that). Named `payload`: a top-level `data` clashes with a legacy global of the
 * Postman sandbox.
 */
const READ_DATA = `let reply = {};
try { reply = pm.response.json() || {}; } catch (error) { reply = {}; }
const payload = reply.data;`;

const SEND_TESTS = `${READ_DATA}

pm.test('data.msgId identifies the send (keep it to query receipts)', function () {
  pm.expect(payload, 'data').to.be.an('object');
  pm.expect(payload.msgId, 'msgId').to.be.a('string').and.not.be.empty;
});
pm.test('data.failPhones lists the numbers that were not accepted', function () {
  pm.expect(payload, 'data').to.be.an('object');
  pm.expect(payload.failPhones == null || typeof payload.failPhones === 'string', 'failPhones is null or a comma-separated string').to.equal(true);
});
// The receipts request reads this msgId.
if (payload && payload.msgId) pm.collectionVariables.set('msgId', payload.msgId);`;

/** Every endpoint of SPEC §3, in sidebar order. */
export const ENDPOINTS: readonly EndpointEntry[] = [
  {
    endpoint: 'send',
    folder: 'Send',
    name: 'Send one content to many numbers',
    path: send.path,
    description: `Sends the same template content to up to ${MAX_PHONES_PER_REQUEST} mainland mobile numbers.

| field | required | rule |
|---|---|---|
| \`phones\` | yes | comma-separated numbers, at most ${MAX_PHONES_PER_REQUEST} |
| \`templateCode\` | yes | an approved template's number (模板编号) |
| \`templateParam\` | when the template has variables | a JSON array of strings **as a string**, one per variable: \`"[\\"520131\\"]"\` |
| \`upExtendCode\` | no | uplink extension code, 1–99 |
| \`bid\` | no | your business id, at most 64 characters, echoed in receipts |

\`data.failPhones\` lists the numbers that were not accepted. The msgId is saved to the \`msgId\` variable for *Pull delivery receipts*.`,
    body: `{
  "phones": "{{phone}}",
  "templateCode": "{{templateCode}}",
  "templateParam": "[\\"520131\\"]",
  "bid": "{{$guid}}"
}`,
    success: { message: 'OK', fields: { data: { msgId: '574730770464800768', desc: null, failPhones: '' } } },
    errors: [2001, 60001, 60003, 60007],
    tests: SEND_TESTS,
  },
  {
    endpoint: 'sendBatch',
    folder: 'Send',
    name: 'Send different values per number',
    path: sendBatch.path,
    description: `Sends one template to several numbers, each with its own variable values.

| field | required | rule |
|---|---|---|
| \`phonesJson\` | yes | a JSON array of numbers as a string, at most ${MAX_PHONES_PER_REQUEST} |
| \`templateCode\` | yes | an approved template's number |
| \`templateParamJson\` | yes | a JSON array of arrays as a string, one list per number, same order and length as \`phonesJson\` (60002 otherwise); \`["",""]\` for a template without variables |
| \`upExtendCode\`, \`bid\` | no | as for send |`,
    body: `{
  "phonesJson": "[\\"13800138000\\",\\"13900139000\\"]",
  "templateCode": "{{templateCode}}",
  "templateParamJson": "[[\\"520131\\"],[\\"731846\\"]]"
}`,
    success: { message: 'OK', fields: { data: { msgId: '574730770464800769', desc: null, failPhones: '' } } },
    errors: [2001, 60002, 60001],
    tests: SEND_TESTS,
  },
  {
    endpoint: 'receipts',
    folder: 'Receipts & statistics',
    name: 'Pull delivery receipts',
    path: receipts.path,
    description: `Returns the delivery receipts of the last ${receipts.retentionMs / 3_600_000} hours, each receipt once, at most ${MAX_RECEIPT_QUERY_IDS} per call. Query about once a minute (${rate(receipts.rateLimit)} per account).

| field | required | rule |
|---|---|---|
| \`msgId\` | no | msgIds from send, comma-separated (filled from the last send) |
| \`bid\` | no | your business id |

\`arrive\` is \`DELIVRD\` when the message was delivered; any other state means it was not. \`arriveTime\` is \`yyMMddHHmm\`, Beijing time.`,
    body: `{
  "msgId": "{{msgId}}"
}`,
    success: {
      message: '查询成功',
      fields: { data: [{ msgId: '574730770464800768', tel: '138****8000', arrive: 'DELIVRD', arriveTime: '2611221935', bid: 'signup-1763811300000' }] },
    },
    errors: [6000, 2001],
    tests: `${READ_DATA}

pm.test('data is a list of receipts', function () {
  pm.expect(payload, 'data').to.be.an('array');
  payload.forEach(function (receipt) {
    pm.expect(receipt, 'receipt').to.include.keys('msgId', 'tel', 'arrive', 'arriveTime');
    pm.expect(receipt.arriveTime, 'arriveTime (yyMMddHHmm)').to.match(/^\\d{10}$/);
  });
});`,
  },
  {
    endpoint: 'statistics',
    folder: 'Receipts & statistics',
    name: 'Daily send statistics',
    path: statistics.path,
    description: `Counts per day: sent, delivered, failed and without receipt. ${rate(statistics.rateLimit)}.

| field | required | rule |
|---|---|---|
| \`startDate\`, \`endDate\` | yes | \`yyyy-MM-dd\` |
| \`page\` | yes | from 1 |
| \`pageSize\` | yes | 1–50 (default 10) |`,
    body: `{
  "startDate": "2026-11-01",
  "endDate": "2026-11-22",
  "page": 1,
  "pageSize": 10
}`,
    success: {
      message: 'OK',
      fields: {
        data: [{ sendDate: '2026-11-21', totalCount: 1520, successCount: 1498, failCount: 12, noReceiptCount: 10 }],
        totalSize: 1,
      },
    },
    errors: [40004, 6000],
    tests: `${READ_DATA}

pm.test('data is a list of daily counts', function () {
  pm.expect(payload, 'data').to.be.an('array');
  payload.forEach(function (day) {
    pm.expect(day.sendDate, 'sendDate (yyyy-MM-dd)').to.match(/^\\d{4}-\\d{2}-\\d{2}$/);
    ['totalCount', 'successCount', 'failCount', 'noReceiptCount'].forEach(function (count) {
      pm.expect(day[count], count).to.be.a('number');
    });
  });
});`,
  },
  {
    endpoint: 'balance',
    folder: 'Account',
    name: 'Remaining balance',
    path: balance.path,
    description: `The remaining balance of each kind of message (行业短信 industry, 会员短信 member, 推广短信 promotion). No body fields: the signature covers the four headers alone. ${rate(balance.rateLimit).replace(/^./, (c) => c.toUpperCase())}.`,
    body: '{}',
    success: {
      message: 'OK',
      fields: {
        data: [
          { itemName: '行业短信', residueValue: 9784 },
          { itemName: '会员短信', residueValue: 10007 },
          { itemName: '推广短信', residueValue: 6506 },
        ],
      },
    },
    errors: [6000, 2000],
    tests: `${READ_DATA}

pm.test('data lists the balance of each kind of message', function () {
  pm.expect(payload, 'data').to.be.an('array').and.not.be.empty;
  payload.forEach(function (item) {
    pm.expect(item.itemName, 'itemName').to.be.a('string');
    pm.expect(item.residueValue, 'residueValue').to.be.a('number');
  });
});`,
  },
  {
    endpoint: 'health',
    folder: 'Account',
    name: 'Reachability probe',
    path: health.path,
    description: "The probe the vendor's network check script calls: a 200 answer means this machine reaches the API. The platform does not require a signature here (the vendor's script calls it without one); the collection signs it anyway, which is harmless.",
    body: '{}',
    success: { message: 'OK', fields: { data: { status: 'UP' } } },
    errors: [-1],
    tests: `pm.test('the API is reachable', function () {
  pm.response.to.have.status(200);
});`,
  },
];
