/**
 * The server side of a benchmark in its own process, pinned to core 0 while the load
 * generator (this process) moves to core 1, so that on a 2-core machine the two never compete
 * for one core. Without taskset (or with PIN=0) both run unpinned.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/** A started server: the port it printed as its first line, and its process. */
export interface PinnedServer {
  /** The port the server printed. */
  port: number;
  /** The server's process; kill it when done. */
  child: ChildProcess;
  /** Whether the two processes were pinned to separate cores. */
  pinned: boolean;
}

/** Runs `node [nodeArgs] --import tsx <file> serve [args]`, which must print its port as its first line. */
export async function startPinnedServer(options: { file: string; args?: string[]; nodeArgs?: string[] }): Promise<PinnedServer> {
  const node = [process.execPath, ...(options.nodeArgs ?? []), '--import', 'tsx', options.file, 'serve', ...(options.args ?? [])];
  let pinned = process.env.PIN !== '0';
  try {
    if (pinned) execFileSync('taskset', ['-c', '0', 'true']);
  } catch {
    pinned = false;
  }
  const [command, ...args] = pinned ? ['taskset', '-c', '0', ...node] : node;
  const child = spawn(command as string, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`the benchmark's server exited with ${code}`)));
  });
  if (pinned) {
    try {
      execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
    } catch {
      pinned = false;
    }
  }
  return { port: Number(line), child, pinned };
}
