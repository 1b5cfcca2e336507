import 'reflect-metadata';
import { createRequire } from 'node:module';
import { HttpException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';
import { SmsException } from '../src/index.js';

const require = createRequire(import.meta.url);

describe('this package is tested against NestJS 11 (CommonJS)', () => {
  it('loads @nestjs/core, common, both platforms and testing 11, as CommonJS packages', () => {
    for (const name of ['@nestjs/core', '@nestjs/common', '@nestjs/platform-express', '@nestjs/platform-fastify', '@nestjs/testing']) {
      const manifest = require(`${name}/package.json`) as { version: string; type?: string };
      expect(manifest.version).toMatch(/^11\./);
      expect(manifest.type).not.toBe('module');
    }
  });

  it('builds its exceptions on the same @nestjs/common the app uses', () => {
    expect(new SmsException({ code: 2001, message: 'x', requestId: 'r' })).toBeInstanceOf(HttpException);
  });
});
