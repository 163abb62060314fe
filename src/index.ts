// The library entry point: `import { strip } from 'boilerstrip'`. The CLI uses exactly this API.
export { strip } from './core/strip.js';
export { RULES } from './core/rules/index.js';
export { CATALOGUE, DISABLEABLE_RULES, type CatalogueEntry } from './core/catalogue.js';
export { parsePattern } from './core/rules/user-patterns.js';
export type { BlockReport, Metadata, StripOptions, StripResult } from './core/types.js';
export { DEFAULT_THRESHOLDS, type Thresholds } from './core/thresholds.js';
export { addPage, fingerprint, lineKey, mergeCounts, parseCounts, serializeCounts, evidenceOf, type CountsBySite, type SiteCounts, type SiteEvidence } from './core/site/fingerprints.js';
