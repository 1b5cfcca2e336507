// The package ships no types; this is the one function the key-layout test needs.
declare module 'cluster-key-slot' {
  /** The Redis Cluster slot (0–16383) of a key, honouring `{hash tags}`. */
  export default function calculateSlot(key: string | Buffer): number;
}
