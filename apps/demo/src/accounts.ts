import { Injectable } from '@nestjs/common';

/** The demo's "user table": numbers that completed sign-up, in memory. */
@Injectable()
export class Accounts {
  private readonly created = new Map<string, number>();

  /** Creates the account of a verified number; answers whether it is new. */
  create(phone: string, now: number = Date.now()): { created: boolean } {
    if (this.created.has(phone)) return { created: false };
    this.created.set(phone, now);
    return { created: true };
  }
}
