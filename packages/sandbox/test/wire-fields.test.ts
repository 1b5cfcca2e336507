import { isSmsError } from '@smskit/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldsOf } from '../src/wire-fields.js';
import { startSandbox } from './harness.js';

function messageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isSmsError(error)) return error.message;
    throw error;
  }
  return '';
}

describe('fieldsOf names what is wrong with a field', () => {
  const schema = z.object({ fail: z.number().optional(), tel: z.string() });

  it('a missing field is "required"; a field of the wrong type says what it should be, not that it is missing', () => {
    expect(messageOf(() => fieldsOf(schema, {}))).toBe('tel is required.');
    expect(messageOf(() => fieldsOf(schema, { tel: 'a', fail: 'many' }))).toMatch(/^fail: .*expected number, received string\.$/);
    expect(messageOf(() => fieldsOf(schema, { tel: null }))).toMatch(/^tel: .*expected string, received null\.$/);
  });

  it('so does a control endpoint', async () => {
    const { admin } = await startSandbox();
    const answer = await admin('/faults', { fail: 'many' });
    expect(answer).toMatchObject({ status: 400, json: { code: 40004, message: expect.stringMatching(/^fail: .*expected number/) } });
  });
});
