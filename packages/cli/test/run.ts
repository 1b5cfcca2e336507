import { runCli, type CliIo } from '../src/index.js';

/** Runs the CLI in-process with captured output. */
export async function run(argv: string[], stdin?: string, env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
    readStdin: async () => stdin,
    env,
  };
  const code = await runCli(argv, io);
  return { code, out, err };
}
