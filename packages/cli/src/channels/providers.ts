/*
 * The providers the CLI's config file knows besides core's infocloud (always known to
 * createChannels). Adding a platform is one line here, with its package as a dependency.
 */
import { aliyunProvider } from '@smskit/aliyun';
import type { ChannelProvider } from '@smskit/core';
import { tencentProvider } from '@smskit/tencent';

/** The channel providers `smskit send --config` and `smskit channels` build channels with. */
export const CLI_PROVIDERS: readonly ChannelProvider[] = [aliyunProvider, tencentProvider];
