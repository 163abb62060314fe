// Web forms, a part of interface-strings. Evidence: a form's field labels marked as required, "Name
// (required)", "(Required) Your E-mail address (Required) Town & Country", as a reader-submission or comment
// form prints them. Only a form marks its fields so (a writer who lists what to bring writes "a photo ID is
// required"), and a form is never the article's. Its own text goes with it: the notes between the labels
// and the form's buttons a few lines below ("If you are happy to be contacted … please leave a telephone
// number", then "Send", "Submit", "Send Clear"), which read as prose but are the form's small print, and
// the block right above the labels when it points the reader to the form ("Send us your experiences using
// the form below"). Without buttons close below, only the labels are claimed: the prose after them may be
// the article going on.

/** A field's mark, looked for in the lower-case text. "(optional)" is not one: a recipe marks ingredients so. */
const REQUIRED = '(required)';
/** A line of labels: a few fields of a few words each, not a sentence. */
const LABELS_MAX_WORDS = 30;
/** Blocks between the labels and the buttons that may be the form's notes. */
const MAX_NOTES = 3;
/** A row of the form's buttons: one to three of these words and nothing else. */
const BUTTONS = /^(?:(?:send|submit|clear|reset|cancel|preview|post)(?: |$)){1,3}$/u;
/** A block that points the reader to the form: "… using the form below", "fill in this form". */
const POINTS_TO_FORM = /\b(?:the|this|our) form\b/u;
/** Such a prompt is a sentence or three. */
const PROMPT_MAX_WORDS = 60;

export interface FormBlock {
  block: number;
  reason: string;
}

interface FormPage {
  source: string;
  blocks: readonly { text: string; lower: string; bare: string }[];
  measures: readonly { words: number; endsLikeSentence: boolean }[];
}

/** Whether `text` may hold REQUIRED in some case: "(required)", "(Required)", "(REQUIRED)". */
function mayBeMarked(text: string): boolean {
  return text.includes('equired)') || text.includes('EQUIRED)');
}

/** The blocks of the page's forms (see the comment at the top), each with the reason it is the form's. */
export function findWebForms(page: FormPage): FormBlock[] {
  const { blocks, measures } = page;
  // One search of the whole page first: most pages hold no form, and a test of every block cost 2 % of a pass.
  if (!mayBeMarked(page.source)) return [];
  const isLabels = (i: number) => i < blocks.length && blocks[i]!.lower.includes(REQUIRED) && measures[i]!.words <= LABELS_MAX_WORDS && !measures[i]!.endsLikeSentence;
  const found: FormBlock[] = [];
  for (let i = 0; i < blocks.length; i++) {
    // Cheap tests first: a block of labels is short, and nearly every block lacks the mark (tested on the
    // text as it is: a long block's lower-case form is otherwise never made, and searching every long
    // block's text cost a few per cent of a pass).
    if (measures[i]!.words > LABELS_MAX_WORDS || !mayBeMarked(blocks[i]!.text) || !isLabels(i)) continue;
    const first = i;
    while (isLabels(i + 1)) i++;
    const prompt = first - 1;
    if (prompt >= 0 && measures[prompt]!.words <= PROMPT_MAX_WORDS && POINTS_TO_FORM.test(blocks[prompt]!.lower)) {
      found.push({ block: prompt, reason: 'prompt to fill in the form below it' });
    }
    for (let k = first; k <= i; k++) found.push({ block: k, reason: "a form's fields marked as required" });
    let buttons = i + 1;
    while (buttons < blocks.length && buttons - i <= MAX_NOTES + 1 && !BUTTONS.test(blocks[buttons]!.bare)) buttons++;
    if (buttons < blocks.length && buttons - i <= MAX_NOTES + 1) {
      for (let k = i + 1; k < buttons; k++) found.push({ block: k, reason: "the form's notes, above its buttons" });
      found.push({ block: buttons, reason: "the form's buttons" });
      i = buttons;
    }
  }
  return found;
}
