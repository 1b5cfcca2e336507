import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import vectors from '../vectors/rules-template.json';
import {
  ADVISED_TEMPLATE_LENGTH,
  MAX_TEMPLATE_LENGTH,
  checkSignature,
  checkTemplate,
  parseTemplate,
  renderTemplate,
  type RuleViolation,
  type TemplateVariable,
} from '../../src/rules/index.js';

interface ExpectedViolation {
  rule: string;
  severity: string;
  index: number;
  length: number;
  text: string;
}

interface TemplateVector {
  name: string;
  text: string;
  violations: ExpectedViolation[];
  variables?: TemplateVariable[];
}

interface SignatureVector {
  name: string;
  signature: string;
  violations: ExpectedViolation[];
}

const templates = vectors.templates as TemplateVector[];
const signatures = vectors.signatures as SignatureVector[];

function brief(violation: RuleViolation<string>): ExpectedViolation {
  const { rule, severity, index, length, text } = violation;
  return { rule, severity, index, length, text };
}

/** The vectors whose violations all break `rule` (or none, for `valid`). */
function vectorsOf(rule: string): TemplateVector[] {
  return templates.filter((vector) => {
    const rules = new Set(vector.violations.map((violation) => violation.rule));
    return rule === 'valid' ? rules.size === 0 : rules.size === 1 && rules.has(rule);
  });
}

function expectVector(vector: TemplateVector): void {
  const parsed = parseTemplate(vector.text);
  expect(parsed.violations.map(brief)).toEqual(vector.violations);
  expect(parsed.variables).toEqual(vector.variables ?? []);
  expect(checkTemplate(vector.text).map(brief)).toEqual(vector.violations);
}

describe('valid templates', () => {
  it.each(vectorsOf('valid'))('$name', expectVector);

  it('has vectors for fixed, partly variable and all-variable templates', () => {
    expect(vectorsOf('valid').length).toBeGreaterThanOrEqual(8);
  });
});

describe('rule: length', () => {
  it.each(vectorsOf('length'))('$name', expectVector);

  const lengthOf = (text: string) => checkTemplate(text).map(brief);

  it('accepts 1 character and up to 450 without a warning', () => {
    expect(lengthOf('a')).toEqual([]);
    expect(lengthOf('a'.repeat(ADVISED_TEMPLATE_LENGTH))).toEqual([]);
  });

  it('warns from 451 to 500 characters, pointing at the part past 450', () => {
    expect(lengthOf('a'.repeat(451))).toEqual([{ rule: 'length', severity: 'warning', index: 450, length: 1, text: 'a' }]);
    expect(lengthOf('a'.repeat(MAX_TEMPLATE_LENGTH))).toEqual([
      { rule: 'length', severity: 'warning', index: 450, length: 50, text: 'a'.repeat(50) },
    ]);
  });

  it('rejects more than 500 characters, pointing at the part past 500', () => {
    expect(lengthOf('a'.repeat(501) + 'bc')).toEqual([{ rule: 'length', severity: 'error', index: 500, length: 3, text: 'abc' }]);
  });

  it('counts code points, and variables as written', () => {
    expect(lengthOf('中'.repeat(500))).toHaveLength(1);
    expect(lengthOf('中'.repeat(500))[0]?.severity).toBe('warning');
    // 100 × "{x,1}" is 500 characters as written, though it renders to 100.
    expect(lengthOf('{x,1}'.repeat(100))[0]).toMatchObject({ severity: 'warning', index: 450 });
    expect(lengthOf('{x,1}'.repeat(100) + 'a')[0]).toMatchObject({ severity: 'error', index: 500 });
  });

  it('says how long the template is', () => {
    expect(checkTemplate('a'.repeat(600))[0]?.message).toContain('600');
  });
});

describe('rule: signature-bracket', () => {
  it.each(vectorsOf('signature-bracket'))('$name', expectVector);

  it('reports every 【 and 】, not only the first', () => {
    expect(checkTemplate('a【b】c【d】e').map((violation) => violation.index)).toEqual([1, 3, 5, 7]);
  });
});

describe('rule: edge-bracket', () => {
  it.each(vectorsOf('edge-bracket'))('$name', expectVector);
});

describe('rule: character', () => {
  it.each(vectorsOf('character'))('$name', expectVector);

  it('names the code point and what it is', () => {
    const [zeroWidth] = checkTemplate('您好\u200b世界');
    expect(zeroWidth?.message).toContain('U+200B (zero-width space)');
    const [emoji] = checkTemplate('好😀');
    expect(emoji?.message).toContain('U+1F600 (emoji)');
    const [nbsp] = checkTemplate('a\u00a0b');
    expect(nbsp?.message).toContain('U+00A0 (no-break space)');
    const [bom] = checkTemplate('\ufeff您好');
    expect(bom?.message).toContain('byte order mark');
  });

  it('lists at most five code points of a long run', () => {
    const [run] = checkTemplate('好' + '😀'.repeat(8));
    expect(run).toMatchObject({ index: 1, length: 8 });
    expect(run?.message).toContain('and 3 more');
  });
});

describe('rule: variable-syntax', () => {
  it.each(vectorsOf('variable-syntax'))('$name', expectVector);

  const messageOf = (text: string) => checkTemplate(text)[0]?.message ?? '';

  it('says what is wrong with each malformed variable', () => {
    expect(messageOf('{a，5}')).toContain('write {a,5}');
    expect(messageOf('{name}')).toContain('{name,maxLen}');
    expect(messageOf('{name ,10}')).toContain('no spaces around the comma');
    expect(messageOf('{,5}')).toContain('name is empty');
    expect(messageOf('{a,0}')).toContain('positive integer');
    expect(messageOf('{a,b,5}')).toContain('one comma only');
    expect(messageOf('x{a,5')).toContain('never closed');
    expect(messageOf('x}')).toContain('closes no variable');
  });

  it('keeps the well-formed variables around a malformed one', () => {
    const parsed = parseTemplate('{a,1}{b}{c,3}');
    expect(parsed.variables.map((variable) => variable.name)).toEqual(['a', 'c']);
    expect(parsed.violations.map(brief)).toEqual([{ rule: 'variable-syntax', severity: 'error', index: 5, length: 3, text: '{b}' }]);
  });
});

describe('every violation at once', () => {
  it.each(templates.filter((vector) => new Set(vector.violations.map((violation) => violation.rule)).size > 1))('$name', expectVector);
});

describe('checkSignature', () => {
  it.each(signatures)('$name', (vector) => {
    expect(checkSignature(vector.signature).map(brief)).toEqual(vector.violations);
  });

  it('explains that the platform adds 【】 itself', () => {
    expect(checkSignature('【公司】')[0]?.message).toContain('【签名】');
  });
});

// Text and names drawn from what the rules allow, avoiding braces, brackets and commas.
const textChar = fc.constantFrom(...Array.from('您好验证码订单请查收的是AaZz09 .!?:;%@#&-_/，。！？：；、（）“”《》—…·\n'));
const nameChar = fc.constantFrom(...Array.from('动态签名姓名代码codeNAME_x1'));
const variable = fc.record({
  name: fc.string({ unit: nameChar, minLength: 1, maxLength: 8 }),
  maxLen: fc.integer({ min: 1, max: 99 }),
});
const validTemplate = fc
  .array(fc.tuple(fc.string({ unit: textChar, maxLength: 20 }), fc.option(variable, { nil: undefined })), { minLength: 1, maxLength: 12 })
  .map((pieces) => ({
    pieces,
    text: pieces.map(([text, v]) => text + (v === undefined ? '' : `{${v.name},${v.maxLen}}`)).join(''),
  }))
  .filter(({ text }) => text.trim() !== '');

describe('property: valid templates round-trip', () => {
  it('every generated valid template parses without violations and gives back its variables', () => {
    fc.assert(
      fc.property(validTemplate, ({ pieces, text }) => {
        const parsed = parseTemplate(text);
        expect(parsed.violations).toEqual([]);
        const written = pieces.flatMap(([, v]) => (v === undefined ? [] : [v]));
        expect(parsed.variables.map(({ name, maxLen }) => ({ name, maxLen }))).toEqual(written);
        for (const found of parsed.variables) {
          expect(Array.from(text).slice(found.index, found.index + found.length).join('')).toBe(`{${found.name},${found.maxLen}}`);
        }
      }),
    );
  });

  it('renders to the text with each variable replaced by its value', () => {
    fc.assert(
      fc.property(validTemplate, fc.string({ unit: textChar, maxLength: 99 }), ({ pieces }, filler) => {
        const variables = pieces.flatMap(([, v]) => (v === undefined ? [] : [v]));
        const values = variables.map((v) => Array.from(filler).slice(0, v.maxLen).join(''));
        let i = 0;
        const expected = pieces.map(([text, v]) => text + (v === undefined ? '' : (values[i++] ?? ''))).join('');
        const template = pieces.map(([text, v]) => text + (v === undefined ? '' : `{${v.name},${v.maxLen}}`)).join('');
        expect(renderTemplate({ template, values })).toBe(expected);
      }),
    );
  });

  it('an invisible character inserted anywhere is reported where it was put', () => {
    const invisible = fc.constantFrom('\u200b', '\u200d', '\ufeff', '\u00a0', '\u202e', '\u2060', '\u0000');
    fc.assert(
      fc.property(validTemplate, invisible, fc.nat(), ({ text }, char, at) => {
        const chars = Array.from(text);
        const index = at % (chars.length + 1);
        chars.splice(index, 0, char);
        const found = checkTemplate(chars.join('')).filter((violation) => violation.rule === 'character');
        expect(found.map(brief)).toEqual([{ rule: 'character', severity: 'error', index, length: 1, text: char }]);
      }),
    );
  });
});
