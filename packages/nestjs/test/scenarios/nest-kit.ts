import type * as NestCommon from '@nestjs/common';
import type * as NestConfig from '@nestjs/config';
import type * as NestCore from '@nestjs/core';
import type * as NestTesting from '@nestjs/testing';
import type * as SmsNest from '../../src/index.js';

/** The HTTP platforms every scenario runs on. */
export const PLATFORMS = ['express', 'fastify'] as const;

/** One of {@link PLATFORMS}. */
export type Platform = (typeof PLATFORMS)[number];

/**
 * One NestJS major with this package as that major's app would load it. Scenarios take their
 * decorators and factories from here, never from their own imports, so the same scenario runs
 * against Nest 11 (this package's dev dependencies) and Nest 12 (the fixture's injected copy).
 */
export interface NestKit {
  /** The major under test. */
  major: 11 | 12;
  /** `@nestjs/common`. */
  common: typeof NestCommon;
  /** `@nestjs/config` (4 beside Nest 11, 12 beside Nest 12). */
  config: typeof NestConfig;
  /** `@nestjs/core`. */
  core: typeof NestCore;
  /** `@nestjs/testing`. */
  testing: typeof NestTesting;
  /** `@smskit/nestjs`. */
  sms: typeof SmsNest;
  /** Makes a platform adapter; `trustProxy` as each platform spells it. */
  adapter(platform: Platform, options?: { trustProxy?: boolean }): unknown;
}
