/*
 * The providers the CLI's config file knows besides core's infocloud (always known to
 * createChannels). Adding a platform is one line here once its package is a dependency:
 *   import { aliyunProvider } from '@smskit/aliyun';   → [aliyunProvider]
 *   import { tencentProvider } from '@smskit/tencent'; → [aliyunProvider, tencentProvider]
 */
import type { ChannelProvider } from '@smskit/core';

/** The channel providers `smskit send --config` and `smskit channels` build channels with. */
export const CLI_PROVIDERS: readonly ChannelProvider[] = [];
