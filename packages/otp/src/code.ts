import { createHmac, randomInt } from 'node:crypto';

/** Options of {@link generateCode}. */
export interface GenerateCodeOptions {
  /** How many characters. @defaultValue 6 */
  length?: number;
  /** The characters to draw from, each equally likely (repeats count once). @defaultValue `'0123456789'` */
  alphabet?: string;
}

/** A verification code drawn from the operating system's cryptographic random source. */
export function generateCode(options: GenerateCodeOptions = {}): string {
  const length = options.length ?? 6;
  // Distinct code points: a repeated character would be drawn more often, and indexing by
  // UTF-16 unit would split a character outside the BMP in two.
  const alphabet = [...new Set(options.alphabet ?? '0123456789')];
  let code = '';
  for (let i = 0; i < length; i += 1) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** Shortest secret accepted: 128 bits. */
const MIN_SECRET_BYTES = 16;

/**
 * Hashes codes with HMAC-SHA256 under a server-side secret. A plain hash would not do: a
 * 6-digit code has a million values, so anyone who reads the store could try them all in
 * milliseconds. Without the secret the stored hashes say nothing. The scene and number are part
 * of the message, so a hash is only good for the code it was made for.
 */
export class CodeHasher {
  private readonly secret: Buffer;

  constructor(secret: string | Uint8Array) {
    const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
    if (bytes.length < MIN_SECRET_BYTES) {
      throw new TypeError(
        `The OTP secret must be at least ${MIN_SECRET_BYTES} bytes; generate one with \`node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"\` and give every instance the same one.`,
      );
    }
    this.secret = bytes;
  }

  /** The hex HMAC of one code for one scene and number. */
  hash(input: { scene: string; phone: string; code: string }): string {
    return createHmac('sha256', this.secret).update(`otp1\0${input.scene}\0${input.phone}\0${input.code}`, 'utf8').digest('hex');
  }
}
