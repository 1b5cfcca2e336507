/** Placeholder until core exports push parsing. */
export interface SmsPushOptions {
  /** The apiKey (or keys) whose pushes are accepted. */
  apiKeys: string | readonly string[];
}
