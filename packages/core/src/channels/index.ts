/*
 * Channels: several SMS providers behind one sender, with a router that knows "try again"
 * from "fail over" from "stop".
 */
export type * from './channel.js';
export type { BreakerState, ChannelBreakerOptions, ChannelRetryOptions } from './channel-guard.js';
export { ChannelConfigError } from './config-error.js';
export { createChannels, parseChannelsConfig, type ChannelEntry, type ChannelsConfig, type ParseChannelsConfigOptions } from './config.js';
export { classifyInfocloudError, INFOCLOUD_FAILURE_CLASSES } from './infocloud-classes.js';
export { fromInfocloudReceipt, infocloudChannel, type InfocloudChannelOptions } from './infocloud-channel.js';
export { infocloudProvider } from './infocloud-provider.js';
export { canServe, toRoutableNumber, type RoutableNumber } from './numbers.js';
export { ChannelReceiptBook, type ChannelReceiptBookOptions, type TrackedMessage } from './receipt-book.js';
export type { PassedOver, PassOverReason, RouteResult, RoutedNumber, UnroutableNumber } from './route-result.js';
export { createRouterFromConfig, type RouterFromConfigOptions } from './router-from-config.js';
export { ChannelRouter, type ChannelRouterOptions, type RouteBatchInput, type RouterChannel, type RouteSendInput } from './router.js';
