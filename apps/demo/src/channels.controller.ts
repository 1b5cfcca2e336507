import { Body, Controller, Get, HttpCode, Inject, Post, Req, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { DemoChannels } from './demo-channels.js';
import { DEMO_SETTINGS, type DemoSettings } from './demo-settings.js';

/** The page's switch for the primary channel. */
@Controller('api/channels')
export class ChannelsController {
  constructor(
    @Inject(DemoChannels) private readonly channels: DemoChannels,
    @Inject(DEMO_SETTINGS) private readonly settings: DemoSettings,
  ) {}

  /** Whether the primary is broken now. */
  @Get('primary')
  primary(): { primaryBroken: boolean } {
    return { primaryBroken: this.channels.primaryBroken };
  }

  /**
   * `{ broken: true }` breaks the primary channel (its sandbox answers every send with 40002,
   * balance exhausted), `{ broken: false }` repairs it. JSON only: a cross-site form cannot
   * send it, so another page cannot flip the switch.
   */
  @Post('primary')
  @HttpCode(200)
  setPrimary(@Body() body: { broken?: unknown } | undefined, @Req() req: Request): { primaryBroken: boolean } {
    if (!req.is('application/json')) throw new UnsupportedMediaTypeException('Send JSON: { "broken": true }.');
    this.channels.setPrimaryBroken(body?.broken === true);
    this.settings.log(`primary channel ${this.channels.primaryBroken ? 'broken (answers 40002)' : 'repaired'}`);
    return { primaryBroken: this.channels.primaryBroken };
  }
}
