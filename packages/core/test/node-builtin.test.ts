import * as crypto from 'node:crypto';
import * as net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { loadBuiltin } from '../src/node-builtin.js';
import { nodeCrypto } from '../src/index.js';

const getBuiltinModule = (process as { getBuiltinModule?: unknown }).getBuiltinModule;

describe('loadBuiltin', () => {
  afterEach(() => {
    (process as { getBuiltinModule?: unknown }).getBuiltinModule = getBuiltinModule;
  });

  it("gives Node's own module, through process.getBuiltinModule where Node has it", () => {
    expect(loadBuiltin<typeof net>('node:net').isIP('10.0.0.1')).toBe(4);
    expect(nodeCrypto().createHash).toBe(crypto.createHash);
  });

  it('gives the same module without process.getBuiltinModule (Node 20 before 20.16)', () => {
    delete (process as { getBuiltinModule?: unknown }).getBuiltinModule;
    expect(loadBuiltin<typeof crypto>('node:crypto').createHash).toBe(crypto.createHash);
    expect(loadBuiltin<typeof net>('node:net').BlockList).toBe(net.BlockList);
  });
});
