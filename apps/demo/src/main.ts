/**
 * `pnpm start`: the sandbox (the SMS platform, emulated) on 127.0.0.1:8787 and the sign-up app
 * on 127.0.0.1:3000, in one process. PORT, SANDBOX_PORT, REDIS_URL and OTP_SECRET change them.
 */
import { demoConfigFromEnv } from './demo-config.js';
import { startDemo, type RunningDemo } from './demo.js';
import { startDemoMetrics } from './metrics.js';

function explain(error: unknown): string {
  const failure = error as NodeJS.ErrnoException & { port?: number };
  if (failure.code === 'EADDRINUSE') return `port ${failure.port ?? ''} is taken; set PORT (app), SANDBOX_PORT or BACKUP_SANDBOX_PORT (sandboxes) to another one, e.g. PORT=3001 pnpm start`;
  return error instanceof Error ? error.message : String(error);
}

let demo: RunningDemo;
let metrics: ReturnType<typeof startDemoMetrics>;
try {
  metrics = startDemoMetrics();
  demo = await startDemo(demoConfigFromEnv());
} catch (error) {
  console.error(`smskit demo: could not start: ${explain(error)}`);
  process.exit(1);
}

console.log(
  [
    '',
    'smskit demo: sign up with a phone number and an SMS code',
    '',
    `  app      ${demo.appUrl}   <- open this`,
    `  inbox    ${demo.inboxUrl}   <- the codes arrive here (primary channel)`,
    `  backup   ${demo.backupInboxUrl}   <- and here once the page breaks the primary`,
    `  sandbox  ${demo.sandboxUrl}   (the SMS platform, emulated: the primary channel; state in memory)`,
    `  sandbox  ${demo.backupSandboxUrl}   (the backup channel; the page's button breaks the primary)`,
    `  OTP state in ${demo.stores === 'redis' ? 'Redis (REDIS_URL)' : 'memory (set REDIS_URL to keep it in Redis)'}`,
    ...(metrics ? [`  ${metrics.describe}`] : []),
    '',
    'Ctrl+C stops both.',
    '',
  ].join('\n'),
);

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) {
    console.error(`smskit demo: ${signal} again, exiting now`);
    process.exit(1);
  }
  stopping = true;
  console.log(`smskit demo: ${signal}, stopping`);
  Promise.all([demo.close(), metrics?.stop()]).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(`smskit demo: stopping failed: ${explain(error)}`);
      process.exit(1);
    },
  );
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
