import { describe, expect, it } from 'vitest';
import { interfaceStrings } from '../../../src/core/rules/interface-strings.js';
import { strip } from '../../../src/core/strip.js';
import { flagged, PROSE_A, PROSE_B } from '../../helpers/page.js';

const PROMPT = 'Were you at the harbour? Send us your pictures and experiences using the form below.';
const LABELS = ['(Required) Name (Required) Your E-mail address (Required) Town & Country', '(Required) Comments'];
const NOTES =
  'If you are happy to be contacted by one of our journalists please leave a telephone number that we can contact you on. In some cases a selection of your comments will be published, displaying your name as you provide it.';
const page = (lines: string[]) => [PROSE_A, '', PROSE_B, '', ...lines, '', 'More on this story'].join('\n');

describe('web forms (interface-strings)', () => {
  it('claims the fields marked "(required)", the prompt above them and the notes down to the buttons', () => {
    const text = page([PROMPT, '', ...LABELS, '', NOTES, '', 'Send Clear']);
    expect(flagged(interfaceStrings, text)).toEqual([PROMPT, ...LABELS, NOTES, 'Send Clear']);
    const out = strip(text);
    expect(out.text).toContain(PROSE_B);
    expect(out.text).not.toContain('form below');
    expect(out.text).not.toContain('happy to be contacted');
    expect(out.blocks.find((b) => b.text === LABELS[1])).toMatchObject({ kept: false, rule: 'interface-strings', reason: "a form's fields marked as required" });
  });

  it('claims a comment form\'s fields one to a line', () => {
    const fields = ['Name (required)', 'Email (required)', 'Comment (required)'];
    expect(flagged(interfaceStrings, page([...fields, 'Submit']))).toEqual([...fields, 'Submit']);
  });

  it('leaves the prose after the fields when no buttons follow it closely: it may be the article going on', () => {
    const text = page([...LABELS, '', NOTES, '', PROSE_A.replace('Tuesday', 'Monday'), '', PROSE_B.replace('eastern', 'western')]);
    expect(flagged(interfaceStrings, text)).toEqual(LABELS);
  });

  it('leaves a block above the fields that does not point to a form', () => {
    const question = 'Were you at the harbour when the storm broke over the town?';
    expect(flagged(interfaceStrings, page([question, '', ...LABELS, '', 'Send']))).toEqual([...LABELS, 'Send']);
  });

  it.each([
    ['an ingredient marked optional', ['1 tsp chilli flakes (optional)', '2 cloves of garlic (optional)']],
    ['a sentence that says what is required', ['Voters must bring a photo ID (required) and a utility bill to the polling station.']],
  ])('does not fire on %s', (_, lines) => {
    expect(flagged(interfaceStrings, page(lines))).toEqual([]);
  });
});
