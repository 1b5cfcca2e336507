import { SmsClient, type DeliveryReceipt } from '@smskit/core';
import { InvalidArgumentError, type Command } from 'commander';
import { printJson, type CliIo } from '../io.js';
import { repeatable, wholeNumber } from '../options.js';
import { credentialsFrom, PLATFORM_ENV } from './credentials.js';

const ENV_HELP = `\nReads ${PLATFORM_ENV.join(', ')} from the environment; without SMSKIT_BASE_URL it asks the platform itself.`;

/** Runs one query with a client built from the environment, closing it whatever happens. */
async function withClient<T>(io: CliIo, command: string, query: (client: SmsClient) => Promise<T>): Promise<T> {
  const client = new SmsClient({ ...credentialsFrom(io.env, command) });
  try {
    return await query(client);
  } finally {
    await client.close();
  }
}

function day(flag: string): (value: string) => string {
  return (value) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new InvalidArgumentError(`${flag} takes a day written yyyy-MM-dd, not "${value}".`);
    return value;
  };
}

function receiptLine(receipt: DeliveryReceipt): string {
  const raw = receipt.arriveResult === receipt.status ? '' : ` (${receipt.arriveResult})`;
  return `${receipt.tel}  ${receipt.status}${raw}  msgId ${receipt.msgId}  at ${receipt.arriveTime || '-'}${receipt.bid === undefined ? '' : `  bid ${receipt.bid}`}`;
}

function registerReceipts(program: Command, io: CliIo): void {
  program
    .command('receipts')
    .description('pull delivery receipts (the last 6 hours; each receipt is handed out ONCE)')
    .option('--msg-id <id>', 'only receipts of this msgId; repeatable (at most 600)', repeatable((value) => value))
    .option('--bid <id>', 'only receipts of sends that carried this business id')
    .option('--json', 'print the receipts as one JSON array')
    .addHelpText('after', `${ENV_HELP}\nThe platform gives each receipt once: what this prints is gone from the platform. Paced to 3 calls a minute.`)
    .action(async (opts: { msgId?: string[]; bid?: string; json?: boolean }) => {
      const receipts = await withClient(io, 'receipts', (client) => client.queryReceipts({ ...(opts.msgId === undefined ? {} : { msgIds: opts.msgId }), ...(opts.bid === undefined ? {} : { bid: opts.bid }) }));
      if (opts.json) return printJson(io, receipts);
      for (const receipt of receipts) io.out(`${receiptLine(receipt)}\n`);
      const delivered = receipts.filter((receipt) => receipt.delivered).length;
      io.out(`${receipts.length} receipt${receipts.length === 1 ? '' : 's'}: ${delivered} delivered, ${receipts.length - delivered} not\n`);
    });
}

function registerBalance(program: Command, io: CliIo): void {
  program
    .command('balance')
    .description("the account's remaining balances (行业短信, 会员短信, 推广短信)")
    .option('--json', 'print the balances as one JSON array')
    .addHelpText('after', `${ENV_HELP}\nThe platform allows one call per 15 s.`)
    .action(async (opts: { json?: boolean }) => {
      const balances = await withClient(io, 'balance', (client) => client.balance());
      if (opts.json) return printJson(io, balances);
      if (balances.length === 0) io.out('no balance reported\n');
      for (const entry of balances) io.out(`${entry.itemName}  ${entry.residueValue}\n`);
    });
}

function registerStats(program: Command, io: CliIo): void {
  program
    .command('stats')
    .description('daily send statistics: sent, delivered, failed, without a receipt')
    .option('--start <day>', 'the first day, yyyy-MM-dd (Beijing time); default today', day('--start'))
    .option('--end <day>', 'the last day, inclusive; default the first', day('--end'))
    .option('--page <n>', 'the page, from 1', wholeNumber('--page', { min: 1, max: 1_000_000 }), 1)
    .option('--page-size <n>', 'days per page, 1–50', wholeNumber('--page-size', { min: 1, max: 50 }), 10)
    .option('--json', 'print the page as one JSON object')
    .addHelpText('after', `${ENV_HELP}\nThe platform allows 4 calls a minute.`)
    .action(async (opts: { start?: string; end?: string; page: number; pageSize: number; json?: boolean }) => {
      const startDate = opts.start ?? new Date(); // a Date is read as its Beijing day
      const endDate = opts.end ?? startDate;
      const page = await withClient(io, 'stats', (client) => client.statistics({ startDate, endDate, page: opts.page, pageSize: opts.pageSize }));
      if (opts.json) return printJson(io, page);
      io.out('day         sent  delivered  failed  no receipt\n');
      for (const d of page.days) io.out(`${d.sendDate}  ${String(d.totalCount).padStart(4)}  ${String(d.successCount).padStart(9)}  ${String(d.failCount).padStart(6)}  ${String(d.noReceiptCount).padStart(10)}\n`);
      io.out(`${page.days.length} of ${page.totalSize} day${page.totalSize === 1 ? '' : 's'}\n`);
    });
}

/**
 * `smskit receipts`, `smskit balance` and `smskit stats`: the platform's query endpoints from
 * the shell, through `SmsClient` (its pacing and error codes), with the account from the
 * environment. Exit code 0 on an answer, 2 for a usage mistake or the platform's error code.
 */
export function registerQueries(program: Command, io: CliIo): void {
  registerReceipts(program, io);
  registerBalance(program, io);
  registerStats(program, io);
}
