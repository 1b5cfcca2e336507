/** A rule of the template text (SPEC §6) that a {@link TemplateViolation} breaks. */
export type TemplateRule = 'length' | 'signature-bracket' | 'edge-bracket' | 'character' | 'variable-syntax';
/** A rule of the signature (签名, SPEC §6) that a {@link SignatureViolation} breaks. */
export type SignatureRule = 'length' | 'bracket' | 'whitespace' | 'character';
/** An `error` gets the text rejected at review; a `warning` is the vendor's advice. */
export type RuleSeverity = 'error' | 'warning';
/** One broken rule: which, where, and what to do about it. */
export interface RuleViolation<Rule extends string> {
    /** The rule broken. */
    readonly rule: Rule;
    /** Whether the text is rejected (`error`) or only advised against (`warning`). */
    readonly severity: RuleSeverity;
    /** Where the offending text starts, in code points. */
    readonly index: number;
    /** How many code points the offending text spans (0 for a missing text). */
    readonly length: number;
    /** The offending text itself. */
    readonly text: string;
    /** What is wrong and how to fix it. */
    readonly message: string;
}
/** A broken rule of a template text. */
export type TemplateViolation = RuleViolation<TemplateRule>;
/** A broken rule of a signature. */
export type SignatureViolation = RuleViolation<SignatureRule>;
/** A well-formed `{name,maxLen}` variable of a template. */
export interface TemplateVariable {
    /** The variable's name, e.g. `动态签名`. */
    readonly name: string;
    /** The longest value it takes, in code points. */
    readonly maxLen: number;
    /** Where its `{` is, in code points. */
    readonly index: number;
    /** How many code points `{name,maxLen}` spans. */
    readonly length: number;
}
/** What {@link parseTemplate} finds in a template text. */
export interface ParsedTemplate {
    /** The well-formed variables, in order: one value is sent for each. */
    readonly variables: TemplateVariable[];
    /** Every broken rule, ordered by position; empty for a valid template. */
    readonly violations: TemplateViolation[];
}
/** The longest template text the platform accepts, in code points with variables written out. */
export declare const MAX_TEMPLATE_LENGTH = 500;
/** The longest template text the vendor advises; longer ones get a warning. */
export declare const ADVISED_TEMPLATE_LENGTH = 450;
/** The shortest signature, in code points. */
export declare const MIN_SIGNATURE_LENGTH = 2;
/** The longest signature, in code points. */
export declare const MAX_SIGNATURE_LENGTH = 20;
/**
 * Reads a template text (SPEC §6): its `{name,maxLen}` variables and every rule it breaks,
 * each with its position in code points, so that an editor can underline all of them at once.
 */
export declare function parseTemplate(text: string): ParsedTemplate;
/** Every rule a template text breaks; empty when the platform would accept it. */
export declare function checkTemplate(text: string): TemplateViolation[];
/**
 * Every rule a signature (签名) breaks: 2–20 characters, written without brackets of any kind
 * (the platform adds `【】` itself), ordinary characters only, no surrounding whitespace.
 */
export declare function checkSignature(name: string): SignatureViolation[];
