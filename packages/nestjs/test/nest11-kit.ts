import 'reflect-metadata';
import * as common from '@nestjs/common';
import * as config from '@nestjs/config';
import * as core from '@nestjs/core';
import { ExpressAdapter } from '@nestjs/platform-express';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import * as testing from '@nestjs/testing';
import * as sms from '../src/index.js';
import type { NestKit } from './scenarios/nest-kit.js';

/** NestJS 11 (CommonJS), as this package's dev dependencies install it. */
export const nest11: NestKit = {
  major: 11,
  common,
  config,
  core,
  testing,
  sms,
  adapter: (platform, options = {}) => (platform === 'express' ? new ExpressAdapter() : new FastifyAdapter({ trustProxy: options.trustProxy === true })),
};
