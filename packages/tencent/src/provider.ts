import { ChannelConfigError } from '@smskit/core/provider';
import type { ChannelFactoryInput, ChannelProvider, ChannelTemplateFields, SmsChannel } from '@smskit/core/provider';
import { tencentChannel } from './channel.js';
import { parseTemplateFields } from './template-fields.js';

const REQUIRED = ['secretId', 'secretKey', 'sdkAppId'] as const;
const OPTIONAL = ['region', 'endpoint', 'signName', 'token'] as const;

/**
 * Lets the channels config file build Tencent channels: an entry
 * `{ "name": "backup", "provider": "tencent", "secretId": {"env": "TENCENT_SECRET_ID"},
 * "secretKey": {"env": "TENCENT_SECRET_KEY"}, "sdkAppId": "1400006666", "signName": "腾讯云" }`
 * (optional `region`, `endpoint`, `token`, `timeoutMs`). Errors name the field, never its value.
 */
export const tencentProvider: ChannelProvider = {
  provider: 'tencent',
  create(input: ChannelFactoryInput): SmsChannel {
    const f = input.fields;
    for (const key of REQUIRED) {
      if (typeof f[key] !== 'string' || f[key] === '') throw new ChannelConfigError({ path: `${input.path}.${key}`, message: 'must be a non-empty string.' });
    }
    for (const key of OPTIONAL) {
      if (f[key] !== undefined && (typeof f[key] !== 'string' || f[key] === '')) throw new ChannelConfigError({ path: `${input.path}.${key}`, message: 'must be a non-empty string when given.' });
    }
    if (f.endpoint !== undefined && !/^https?:\/\//.test(f.endpoint as string)) throw new ChannelConfigError({ path: `${input.path}.endpoint`, message: 'must be an http(s) URL.' });
    if (f.timeoutMs !== undefined && (typeof f.timeoutMs !== 'number' || !(f.timeoutMs > 0))) throw new ChannelConfigError({ path: `${input.path}.timeoutMs`, message: 'must be a positive number of ms.' });
    return tencentChannel({
      name: input.name,
      secretId: f.secretId as string,
      secretKey: f.secretKey as string,
      sdkAppId: f.sdkAppId as string,
      region: f.region as string | undefined,
      endpoint: f.endpoint as string | undefined,
      signName: f.signName as string | undefined,
      token: f.token as string | undefined,
      timeoutMs: f.timeoutMs as number | undefined,
    });
  },
  checkTemplateFields(input: { readonly fields: ChannelTemplateFields; readonly path: string }): void {
    const parsed = parseTemplateFields(input.fields);
    if ('failure' in parsed) throw new ChannelConfigError({ path: input.path, message: parsed.error.message });
  },
};
