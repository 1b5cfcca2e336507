import 'reflect-metadata';
import { Injectable } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { describe, expect, it } from 'vitest';

@Injectable()
class Clock {
  now(): number {
    return 42;
  }
}

@Injectable()
class UsesClock {
  // no @Inject(): only the emitted design:paramtypes tells Nest what to inject
  constructor(readonly clock: Clock) {}
}

describe('the test transform emits decorator metadata', () => {
  it('records constructor parameter types (design:paramtypes)', () => {
    expect(Reflect.getMetadata('design:paramtypes', UsesClock)).toEqual([Clock]);
  });

  it('so Nest injects by type instead of undefined', async () => {
    const moduleRef = await Test.createTestingModule({ providers: [Clock, UsesClock] }).compile();
    expect(moduleRef.get(UsesClock).clock.now()).toBe(42);
  });
});
