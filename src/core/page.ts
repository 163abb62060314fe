// An empty page for a text: what every pipeline step starts from. strip() and the tests that run single
// steps build pages the same way, so a new Page field needs adding in one place only.
import { DEFAULT_THRESHOLDS, type Thresholds } from './thresholds.js';
import type { Page } from './types.js';

export function newPage(text: string, thresholds: Thresholds = DEFAULT_THRESHOLDS): Page {
  return {
    thresholds,
    source: text,
    blocks: [],
    language: 'en',
    stopWordCoverage: 1,
    measures: [],
    findings: [],
    classes: [],
    decisions: [],
    metadata: {},
  };
}
