import { ChannelConfigError, type ChannelFactoryInput, type ChannelProvider, type ChannelTemplateFields, type SmsChannel } from '@smskit/core/provider';
import { aliyunChannel } from './aliyun-channel.js';
import { isFailure, readAliyunTemplate } from './template-fields.js';

function text(input: ChannelFactoryInput, field: string, required: boolean): string | undefined {
  const value = input.fields[field];
  if (value === undefined && !required) return undefined;
  // Never the value in the message: it may be the secret.
  if (typeof value !== 'string' || value.trim() === '') throw new ChannelConfigError({ path: `${input.path}.${field}`, message: required ? 'is required and must be a non-empty string.' : 'must be a non-empty string.' });
  return value;
}

/**
 * Lets the config file build Aliyun channels: `{ "name": "ali", "provider": "aliyun",
 * "accessKeyId": { "env": "ALIYUN_AK" }, "accessKeySecret": { "env": "ALIYUN_SK" },
 * "endpoint"?: "https://…", "signatureVersion"?: "v1" | "v3", "international"?: false }`.
 */
export const aliyunProvider: ChannelProvider = {
  provider: 'aliyun',
  create(input: ChannelFactoryInput): SmsChannel {
    const endpoint = text(input, 'endpoint', false);
    if (endpoint !== undefined && !URL.canParse(endpoint)) throw new ChannelConfigError({ path: `${input.path}.endpoint`, message: 'must be a URL with its scheme (https://dysmsapi.aliyuncs.com).' });
    const signatureVersion = input.fields.signatureVersion;
    if (signatureVersion !== undefined && signatureVersion !== 'v1' && signatureVersion !== 'v3') throw new ChannelConfigError({ path: `${input.path}.signatureVersion`, message: 'must be "v1" or "v3".' });
    const international = input.fields.international;
    if (international !== undefined && typeof international !== 'boolean') throw new ChannelConfigError({ path: `${input.path}.international`, message: 'must be true or false.' });
    return aliyunChannel({
      name: input.name,
      accessKeyId: text(input, 'accessKeyId', true) as string,
      accessKeySecret: text(input, 'accessKeySecret', true) as string,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(signatureVersion === undefined ? {} : { signatureVersion }),
      ...(international === undefined ? {} : { international }),
    });
  },
  checkTemplateFields(input: { readonly fields: ChannelTemplateFields; readonly path: string }): void {
    const read = readAliyunTemplate(input.fields);
    if (isFailure(read)) throw new ChannelConfigError({ path: input.path, message: read.error.message });
  },
};
