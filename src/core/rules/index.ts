// The rules, in the order they speak. When two rules claim the same block, the first one's finding is the
// one shown as the reason, so the more specific rules come first.
import { commentHeaders } from './comment-headers.js';
import { interfaceStrings } from './interface-strings.js';
import { menuRuns } from './menu-runs.js';
import { metadataLines } from './metadata-lines.js';
import { organisationProfile } from './organisation-profile.js';
import { repeatedLines } from './repeated-lines.js';
import { runOnFragments } from './run-on-fragments.js';
import type { Rule } from './rule.js';
import { sectionOpeners } from './section-openers.js';
import { siteRepeats } from './site-repeats.js';
import { teasers } from './teasers.js';
import { videoBlocks } from './video-blocks.js';

export type { Rule } from './rule.js';

export const RULES: readonly Rule[] = [metadataLines, videoBlocks, teasers, interfaceStrings, repeatedLines, sectionOpeners, commentHeaders, menuRuns, runOnFragments, organisationProfile, siteRepeats];
