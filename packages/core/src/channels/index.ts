/*
 * Channels: several SMS providers behind one sender, with a router that knows "try again"
 * from "fail over" from "stop".
 */
export type * from './channel.js';
export { ChannelConfigError } from './config-error.js';
