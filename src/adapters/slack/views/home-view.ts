import type { HomeView } from '@slack/types';
import type { Message } from '../../../messages/message.js';
import { renderModalBlocks } from '../blocks/render-blocks.js';

/** The App Home tab showing a message (within the 100 blocks a Home tab takes). */
export function homeView(message: Message): HomeView {
  return { type: 'home', blocks: renderModalBlocks(message.parts) };
}
