import { Controller } from '@nestjs/common';

/** Placeholder. */
export function createSmsPushController(path: string): new () => unknown {
  @Controller(path)
  class SmsPushController {}
  return SmsPushController;
}
