/**
 * Block Kit limits as Slack enforces them, with messages shaped like Slack's
 * `response_metadata.messages` ("[ERROR] … [json-pointer:/blocks/0/text/text]").
 * A message over a limit gets `invalid_blocks`, a view `invalid_arguments`.
 */
export const MESSAGE_BLOCK_LIMIT = 50;
export const VIEW_BLOCK_LIMIT = 100;
export const SECTION_TEXT_LIMIT = 3000;
export const SECTION_FIELDS_LIMIT = 10;
export const FIELD_TEXT_LIMIT = 2000;
export const HEADER_TEXT_LIMIT = 150;
export const MESSAGE_TEXT_LIMIT = 40_000;

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function textOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.text === 'string' ? value.text : undefined;
}

function lengthProblems(text: string | undefined, max: number, pointer: string, required: boolean): string[] {
  if (text === undefined) return required ? [`[ERROR] missing required field: text [json-pointer:${pointer}]`] : [];
  if (text.length === 0) return [`[ERROR] must be more than 0 characters [json-pointer:${pointer}]`];
  if (text.length > max) return [`[ERROR] must be less than ${max + 1} characters [json-pointer:${pointer}]`];
  return [];
}

function sectionProblems(block: Json, at: string): string[] {
  const problems: string[] = [];
  const fields = block.fields;
  if (block.text === undefined && fields === undefined) {
    problems.push(`[ERROR] must provide either text or fields [json-pointer:${at}]`);
  }
  if (block.text !== undefined)
    problems.push(...lengthProblems(textOf(block.text), SECTION_TEXT_LIMIT, `${at}/text/text`, true));
  if (fields !== undefined) {
    if (!Array.isArray(fields)) return [...problems, `[ERROR] must be an array [json-pointer:${at}/fields]`];
    if (fields.length > SECTION_FIELDS_LIMIT) {
      problems.push(`[ERROR] must provide no more than ${SECTION_FIELDS_LIMIT} items [json-pointer:${at}/fields]`);
    }
    for (const [i, field] of fields.entries()) {
      problems.push(...lengthProblems(textOf(field), FIELD_TEXT_LIMIT, `${at}/fields/${i}/text`, true));
    }
  }
  return problems;
}

function blockProblems(block: unknown, at: string): string[] {
  if (!isObject(block) || typeof block.type !== 'string')
    return [`[ERROR] missing required field: type [json-pointer:${at}]`];
  if (typeof block.block_id === 'string' && block.block_id.length > 255) {
    return [`[ERROR] must be less than 256 characters [json-pointer:${at}/block_id]`];
  }
  switch (block.type) {
    case 'section':
      return sectionProblems(block, at);
    case 'header':
      return lengthProblems(textOf(block.text), HEADER_TEXT_LIMIT, `${at}/text/text`, true);
    case 'context':
      return Array.isArray(block.elements) && block.elements.length > 10
        ? [`[ERROR] must provide no more than 10 items [json-pointer:${at}/elements]`]
        : [];
    case 'actions':
      return Array.isArray(block.elements) && block.elements.length > 25
        ? [`[ERROR] must provide no more than 25 items [json-pointer:${at}/elements]`]
        : [];
    case 'input':
      return lengthProblems(textOf(block.label), 2000, `${at}/label/text`, true);
    default:
      return [];
  }
}

/** Problems with a `blocks` argument (empty when it is acceptable). */
export function blocksProblems(blocks: unknown, max: number, pointer = '/blocks'): string[] {
  if (!Array.isArray(blocks)) return [`[ERROR] must be an array [json-pointer:${pointer}]`];
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`[ERROR] must provide no more than ${max} items [json-pointer:${pointer}]`);
  const seen = new Set<string>();
  blocks.forEach((block, i) => {
    problems.push(...blockProblems(block, `${pointer}/${i}`));
    const id = isObject(block) ? block.block_id : undefined;
    if (typeof id === 'string') {
      if (seen.has(id)) problems.push(`[ERROR] duplicate block_id ${id} [json-pointer:${pointer}/${i}/block_id]`);
      seen.add(id);
    }
  });
  return problems;
}

/** Problems with a `view` argument for views.open/push/update (modal) or views.publish (home). */
export function viewProblems(view: unknown, expectedType: 'modal' | 'home' | 'any'): string[] {
  if (!isObject(view)) return ['[ERROR] must be an object [json-pointer:/view]'];
  const problems: string[] = [];
  if (view.type !== 'modal' && view.type !== 'home')
    problems.push('[ERROR] must be modal or home [json-pointer:/view/type]');
  else if (expectedType !== 'any' && view.type !== expectedType)
    problems.push(`[ERROR] must be ${expectedType} [json-pointer:/view/type]`);
  if (view.type === 'modal') {
    problems.push(...lengthProblems(textOf(view.title), 24, '/view/title/text', true));
    for (const key of ['submit', 'close'] as const) {
      if (view[key] !== undefined) problems.push(...lengthProblems(textOf(view[key]), 24, `/view/${key}/text`, true));
    }
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isObject(b) && b.type === 'input');
    if (hasInput && view.submit === undefined)
      problems.push(
        '[ERROR] submit is required when an input block is within the blocks array [json-pointer:/view/submit]',
      );
  }
  if (typeof view.private_metadata === 'string' && view.private_metadata.length > 3000) {
    problems.push('[ERROR] must be less than 3001 characters [json-pointer:/view/private_metadata]');
  }
  if (typeof view.callback_id === 'string' && view.callback_id.length > 255) {
    problems.push('[ERROR] must be less than 256 characters [json-pointer:/view/callback_id]');
  }
  problems.push(...blocksProblems(view.blocks, VIEW_BLOCK_LIMIT, '/view/blocks'));
  return problems;
}
