import { ERROR_CODES, PLATFORM_CODES } from '@smskit/core';

/**
 * The collection-level test script: runs after every response and checks the platform's
 * envelope (`{code, message, data?, requestId}`). When the code is not 200, the failed test
 * names the code and says how to fix it, from core's error catalogue, so the user does not
 * have to look the code up.
 */
export function responseCheckScript(): string {
  const catalogue: Record<string, string> = {};
  for (const code of PLATFORM_CODES) {
    if (code === 200) continue;
    const entry = ERROR_CODES[code];
    catalogue[String(code)] = `${entry.message} (${entry.messageEn}) ${entry.hint}`;
  }
  return `// smskit: checks every response against the platform's envelope
// {"code": 200, "message": "...", "data": ..., "requestId": "..."}. Each request adds its own
// tests of "data". When "code is 200" fails, its message explains the code and how to fix it.

const PLATFORM_CODES = ${JSON.stringify(catalogue, null, 2)};

function readReply() {
  try {
    return pm.response.json();
  } catch (error) {
    return undefined;
  }
}
const reply = readReply();

pm.test('answers JSON with a numeric code and a message', function () {
  pm.expect(reply, 'the body is not JSON: ' + pm.response.text().slice(0, 200)).to.be.an('object');
  pm.expect(reply.code, 'code').to.be.a('number');
  pm.expect(reply.message, 'message').to.be.a('string');
});

pm.test('code is 200 (请求成功)', function () {
  const code = reply && reply.code;
  const explanation = PLATFORM_CODES[String(code)] || 'a code smskit does not know: keep the requestId and ask the platform support.';
  pm.expect(code, 'code ' + code + ': ' + explanation + (reply && reply.message ? ' Server said: ' + reply.message : '')).to.equal(200);
});
`;
}
