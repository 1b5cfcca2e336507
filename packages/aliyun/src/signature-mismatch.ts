const MARKER = 'server string to sign is:';

/**
 * The server's string to sign from a `SignatureDoesNotMatch` message
 * (`… server string to sign is:POST&%2F&AccessKeyId%3D…`), or `undefined` when it has none.
 */
export function serverStringToSign(message: string): string | undefined {
  const at = message.indexOf(MARKER);
  return at < 0 ? undefined : message.slice(at + MARKER.length);
}

/** One parameter whose signed form differs between the client and the server. */
export interface SignedParamDifference {
  /** The parameter's name (percent-encoded, as signed). */
  name: string;
  /** How the client signed it (percent-encoded), or `undefined` when the client did not sign it. */
  ours: string | undefined;
  /** How the server signed it, or `undefined` when the server did not. */
  server: string | undefined;
}

/** Where two strings to sign part, for showing the user. */
export interface SignatureMismatch {
  /** The client's string to sign. */
  ours: string;
  /** The server's. */
  server: string;
  /** The first character index where they differ (-1 when they are equal: then the key is wrong). */
  firstDifference: number;
  /** For RPC V1: the parameters signed differently, or by one side only. */
  params: SignedParamDifference[];
  /** A one-line conclusion. */
  summary: string;
}

function rpcParts(stringToSign: string): { head: string; params: Map<string, string> } | undefined {
  const match = /^([A-Z]+&%2F&)(.*)$/s.exec(stringToSign);
  if (!match) return undefined;
  let query: string;
  try {
    query = decodeURIComponent(match[2] as string);
  } catch {
    return undefined;
  }
  const params = new Map<string, string>();
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    params.set(at < 0 ? pair : pair.slice(0, at), at < 0 ? '' : pair.slice(at + 1));
  }
  return { head: match[1] as string, params };
}

/**
 * Compares the client's string to sign with the server's, as `smskit verify` does for
 * infocloud: equal strings mean the secret is wrong; otherwise (RPC V1) the parameters that
 * were encoded or included differently. A V3 string to sign is a hash: compare canonical
 * requests instead.
 */
export function explainSignatureMismatch(input: { ours: string; server: string }): SignatureMismatch {
  const { ours, server } = input;
  let first = -1;
  for (let i = 0; i < Math.max(ours.length, server.length); i++) {
    if (ours[i] !== server[i]) {
      first = i;
      break;
    }
  }
  const a = rpcParts(ours);
  const b = rpcParts(server);
  const params: SignedParamDifference[] = [];
  if (a && b) {
    for (const name of new Set([...a.params.keys(), ...b.params.keys()])) {
      if (a.params.get(name) !== b.params.get(name)) params.push({ name, ours: a.params.get(name), server: b.params.get(name) });
    }
  }
  let summary: string;
  if (first < 0) summary = 'The strings to sign are equal, so the AccessKey secret differs: check it (and that the HMAC key is the secret followed by "&").';
  else if (a && b && a.head !== b.head) summary = `The HTTP method differs: signed ${a.head.slice(0, -5)}, sent ${b.head.slice(0, -5)}.`;
  else if (params.length > 0) summary = `Signed differently: ${params.map((p) => p.name).join(', ')}.`;
  else summary = `The strings to sign part at character ${first}.`;
  return { ours, server, firstDifference: first, params, summary };
}
