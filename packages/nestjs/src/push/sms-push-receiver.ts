import { Injectable } from '@nestjs/common';

/** Placeholder. */
@Injectable()
export class SmsPushReceiver {
  /** Resolves once every accepted push has been handled. */
  async idle(): Promise<void> {}
}
