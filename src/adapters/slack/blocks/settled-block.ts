/** A block as Slack hands a message back: only its ID matters here. */
export interface HeldBlock {
  block_id?: string;
}

/**
 * The message's blocks with one block (an item's buttons) replaced by a
 * context line saying what became of it; `mrkdwn` is already escaped.
 */
export function withBlockSettled<B extends HeldBlock>(
  blocks: readonly B[],
  blockId: string,
  mrkdwn: string,
): Array<B | { type: 'context'; block_id: string; elements: Array<{ type: 'mrkdwn'; text: string }> }> {
  return blocks.map((block) =>
    block.block_id === blockId
      ? { type: 'context' as const, block_id: blockId, elements: [{ type: 'mrkdwn' as const, text: mrkdwn }] }
      : block,
  );
}
