/*
 * `smskit channels --config FILE`: is the file right, and can each channel send now? Asks each
 * channel's optional health and balance probes; a channel without them is reported as such,
 * not as well.
 */
import { toSmsError, type ChannelBalanceEntry, type ChannelsConfig, type SmsChannel } from '@smskit/core';
import type { Command } from 'commander';
import { loadChannels } from '../channels/load-config.js';
import { printJson, type CliIo } from '../io.js';

/** What `smskit channels` found about one channel. */
export interface ChannelReport {
  name: string;
  provider: string;
  /** False when the channel cannot send now (unreachable, keys refused, no balance left). */
  usable: boolean;
  /** Whether it answered its health probe; null when it has none. */
  reachable: boolean | null;
  /** Its balances; null when it reports none or the query failed. */
  balance: ChannelBalanceEntry[] | null;
  /** The logical templates it has an entry for. */
  templates: string[];
  /** What is wrong, in plain sentences (empty when nothing is). */
  problems: string[];
  /** What is worth knowing but does not stop it sending. */
  notes: string[];
}

async function inspect(channel: SmsChannel, config: ChannelsConfig): Promise<ChannelReport> {
  const problems: string[] = [];
  const notes: string[] = [];
  let reachable: boolean | null = null;
  if (channel.health === undefined) notes.push('has no health probe');
  else {
    const health = await channel.health();
    reachable = health.up;
    if (!health.up) problems.push(`not reachable: ${health.detail ?? 'no answer'}`);
  }
  let balance: ChannelBalanceEntry[] | null = null;
  if (channel.balance === undefined) notes.push('reports no balance');
  else if (reachable !== false) {
    try {
      balance = await channel.balance();
      if (balance.length > 0 && balance.every((entry) => entry.remaining <= 0)) problems.push('no balance left: every kind is at 0');
      else for (const entry of balance) if (entry.remaining <= 0) notes.push(`no balance left for ${entry.kind}`);
    } catch (error) {
      const e = toSmsError(error);
      problems.push(`balance query refused: ${e.code} ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    }
  }
  const templates = config.templates.filter((t) => t.channels[channel.name] !== undefined).map((t) => t.name);
  const missing = config.templates.filter((t) => t.channels[channel.name] === undefined).map((t) => t.name);
  if (missing.length > 0) notes.push(`no entry for template${missing.length === 1 ? '' : 's'} ${missing.join(', ')} (passed over for ${missing.length === 1 ? 'it' : 'them'})`);
  return { name: channel.name, provider: channel.provider, usable: problems.length === 0, reachable, balance, templates, problems, notes };
}

function reportLine(report: ChannelReport, position: number): string {
  const role = position === 0 ? 'primary' : `backup ${position}`;
  const head = `${report.name} (${report.provider}, ${role}): ${report.usable ? 'OK' : 'UNUSABLE'}`;
  const balance = report.balance === null ? '' : `; balance ${report.balance.map((b) => `${b.kind} ${b.remaining}`).join(', ') || 'none reported'}`;
  const said = [...report.problems, ...report.notes];
  return `${head}${balance}${said.length === 0 ? '' : ` — ${said.join('; ')}`}`;
}

/**
 * `smskit channels --config FILE [--json]`: checks the config file (exit 2 with the path at
 * fault when it is wrong), then each channel's reachability and balance. Exit 1 when any
 * channel cannot send now, 0 when all can.
 */
export function registerChannels(program: Command, io: CliIo): void {
  program
    .command('channels')
    .description("check a channels config file and each channel's reachability and balance")
    .requiredOption('--config <file>', 'the channels config file (JSON: channels in priority order, templates)')
    .option('--json', 'print the reports as one JSON object')
    .action(async (opts: { config: string; json?: boolean }) => {
      const { config, channels } = await loadChannels(opts.config, io);
      let reports: ChannelReport[];
      try {
        // Probed one after the other: the output follows the file's order and a slow channel
        // is visible as the one the command waits on.
        reports = [];
        for (const channel of channels) reports.push(await inspect(channel, config));
      } finally {
        await Promise.allSettled(channels.map((channel) => channel.close()));
      }
      const usable = reports.every((report) => report.usable);
      if (opts.json) printJson(io, { usable, channels: reports, templates: config.templates.map((t) => t.name) });
      else {
        reports.forEach((report, i) => io.out(`${reportLine(report, i)}\n`));
        io.out(usable ? `all ${reports.length} channel${reports.length === 1 ? '' : 's'} usable\n` : `${reports.filter((r) => !r.usable).length} of ${reports.length} channels unusable\n`);
      }
      if (!usable) process.exitCode = 1;
    });
}
