import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Deliveries, type DeliveryState } from './deliveries.js';
import { DEMO_SETTINGS, type DemoSettings } from './demo-settings.js';
import type { CodeAnswer, VerifyAnswer } from './sign-up-answers.js';
import { SignUpService } from './sign-up.service.js';

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** The JSON API the sign-up page calls. */
@Controller('api')
export class SignUpController {
  constructor(
    @Inject(SignUpService) private readonly signUp: SignUpService,
    @Inject(Deliveries) private readonly deliveries: Deliveries,
    @Inject(DEMO_SETTINGS) private readonly settings: DemoSettings,
  ) {}

  /** What the page shows about the setup: the inbox link and the limits. */
  @Get('settings')
  describe(): Omit<DemoSettings, 'log'> {
    const { inboxUrl, channels, limits, codeTtlMinutes, maxAttempts, stores } = this.settings;
    return { inboxUrl, channels, limits, codeTtlMinutes, maxAttempts, stores };
  }

  /** `{ phone, human }` → a code sent, or why not (429 with `Retry-After` for a limit). */
  @Post('code')
  @HttpCode(200)
  async requestCode(@Body() body: { phone?: unknown; human?: unknown } | undefined, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<CodeAnswer> {
    const answer = await this.signUp.requestCode({ phone: text(body?.phone, 32), ip: req.ip, human: body?.human });
    if (answer.body.reason === 'limit' && answer.body.retryAfterSeconds) res.setHeader('Retry-After', String(answer.body.retryAfterSeconds));
    res.status(answer.status);
    return answer.body;
  }

  /** `{ phone, code }` → signed up, or why not (attempts left after a wrong code). */
  @Post('verify')
  @HttpCode(200)
  async verify(@Body() body: { phone?: unknown; code?: unknown } | undefined, @Res({ passthrough: true }) res: Response): Promise<VerifyAnswer> {
    const answer = await this.signUp.verify({ phone: text(body?.phone, 32), code: text(body?.code, 16).trim() });
    res.status(answer.status);
    return answer.body;
  }

  /** Whether the receipt of a message was pushed yet. */
  @Get('delivery/:msgId')
  delivery(@Param('msgId') msgId: string): DeliveryState {
    return this.deliveries.stateOf(msgId);
  }
}
