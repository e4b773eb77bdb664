/**
 * Unicode's bidirectional formatting characters: the embeddings and
 * overrides (U+202A–U+202E: LRE, RLE, PDF, LRO, RLO), the isolates
 * (U+2066–U+2069: LRI, RLI, FSI, PDI) and the marks (U+200E LRM, U+200F RLM,
 * U+061C ALM). Invisible, they reorder what follows them: a cell holding
 * "R-\u202e21" shows in Slack as "R-12", and even a pair of marks turns
 * "1-2" into "12-" ("Trojan Source"). The marks go too: their honest use,
 * placing punctuation at the edge of right-to-left text, costs little if
 * lost, since letters keep their own direction.
 */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` without bidirectional formatting characters, for anything the bot
 * shows in Slack: removed rather than replaced by a marker, so IDs, names and
 * numbers read as typed. Only what is shown changes; cells keep them.
 */
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
