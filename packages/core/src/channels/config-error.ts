import { SmsError } from '../errors.js';

/**
 * A config file (or a provider's entry in it) that is wrong: says where (`path`, such as
 * `channels[1].accessKeySecret`) and what. Code 40004, like every other malformed input.
 * Never carries the value of a field, which may be a secret.
 */
export class ChannelConfigError extends SmsError {
  /** Where in the file the problem is (`channels[0].name`, `templates.verification.main`). */
  readonly path: string;

  constructor(options: { path: string; message: string; hint?: string }) {
    super({ code: 40004, message: `${options.path}: ${options.message}`, hint: options.hint ?? 'Fix the config file at the path named; see the guide "Channels and failover" for its shape.', details: { path: options.path }, retryable: false });
    this.name = 'SmsError';
    this.path = options.path;
  }
}
