import { blocksProblems, MESSAGE_BLOCK_LIMIT, MESSAGE_TEXT_LIMIT, viewProblems } from './block-limits.js';
import { type Json, type SlackState, slackUser } from './state.js';

export interface MethodContext {
  state: SlackState;
  /** 'http://127.0.0.1:PORT': where upload URLs point. */
  origin: string;
}

export type Method = (args: Json, ctx: MethodContext) => Json;

const fail = (error: string, messages?: string[]): Json =>
  messages === undefined || messages.length === 0
    ? { ok: false, error }
    : { ok: false, error, response_metadata: { messages } };

const str = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** A user ID as a channel means "the DM with that user": Slack answers with the D channel. */
const channelFor = (channel: string): string => (/^[UW]/.test(channel) ? `D${channel}` : channel);

/** Checks shared by chat.postMessage, chat.postEphemeral and chat.update. */
function messageProblem(args: Json): Json | undefined {
  if (str(args.channel) === undefined) return fail('channel_not_found');
  if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) return fail('no_text');
  if (typeof args.blocks === 'string') return fail('invalid_blocks_format');
  if (args.blocks !== undefined) {
    const problems = blocksProblems(args.blocks, MESSAGE_BLOCK_LIMIT);
    if (problems.length > 0) return fail('invalid_blocks', problems);
  }
  if (typeof args.text === 'string' && args.text.length > MESSAGE_TEXT_LIMIT) return fail('msg_too_long');
  return undefined;
}

/** Slack gives every block without a block_id one of its own, and sends it back in interaction payloads. */
function withBlockIds(blocks: unknown, state: SlackState): unknown {
  if (!Array.isArray(blocks)) return blocks;
  return blocks.map((block: Json) =>
    block.block_id === undefined ? { ...block, block_id: state.nextId('b') } : block,
  );
}

function message(args: Json, ts: string, state: SlackState): Json {
  const { text, blocks, attachments, thread_ts, metadata } = args;
  return {
    type: 'message',
    user: 'UBOT',
    bot_id: 'BBOT',
    ts,
    text: text ?? '',
    blocks: withBlockIds(blocks, state),
    attachments,
    thread_ts,
    metadata,
  };
}

const postMessage: Method = (args, { state }) => {
  const problem = messageProblem(args);
  if (problem !== undefined) return problem;
  const channel = channelFor(String(args.channel));
  const ts = state.nextTs();
  const posted = message(args, ts, state);
  state.messages.set(`${channel}:${ts}`, posted);
  return { ok: true, channel, ts, message: posted };
};

const postEphemeral: Method = (args, { state }) => {
  const problem = messageProblem(args);
  if (problem !== undefined) return problem;
  if (str(args.user) === undefined) return fail('user_not_found');
  return { ok: true, message_ts: state.nextTs() };
};

/** Accepts a ts it never issued (e.g. from an interaction payload) if it looks like one. */
const update: Method = (args, { state }) => {
  const problem = messageProblem(args);
  if (problem !== undefined) return problem;
  const ts = str(args.ts);
  if (ts === undefined || !/^\d+\.\d+$/.test(ts)) return fail('message_not_found');
  const channel = String(args.channel);
  const updated = message(args, ts, state);
  state.messages.set(`${channel}:${ts}`, updated);
  return { ok: true, channel, ts, text: updated.text, message: updated };
};

const conversationsOpen: Method = (args) => {
  const users = str(args.users)
    ?.split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');
  if (users === undefined || users.length === 0) {
    const channel = str(args.channel);
    return channel === undefined ? fail('users_list_not_supplied') : { ok: true, channel: { id: channel } };
  }
  const id = users.length === 1 ? `D${users[0]}` : `G${[...users].sort().join('')}`;
  return { ok: true, no_op: false, already_open: false, channel: { id } };
};

/** Newest first, like Slack; `oldest`/`latest` bound the ts (exclusive unless `inclusive`); metadata only with include_all_metadata. */
const conversationsHistory: Method = (args, { state }) => {
  const channel = channelFor(str(args.channel) ?? '');
  if (channel === '') return fail('channel_not_found');
  const oldest = Number(args.oldest ?? 0);
  const latest = args.latest === undefined ? Infinity : Number(args.latest);
  const inclusive = args.inclusive === true || args.inclusive === 'true';
  const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
  const inRange = (ts: number) => (inclusive ? ts >= oldest && ts <= latest : ts > oldest && ts < latest);
  const limit = Number(args.limit ?? 100);
  const messages = [...state.messages.entries()]
    .filter(([key, m]) => key.startsWith(`${channel}:`) && m.thread_ts === undefined && inRange(Number(m.ts)))
    .map(([, m]) => (withMetadata ? m : { ...m, metadata: undefined }))
    .sort((a, b) => Number(b.ts) - Number(a.ts));
  return { ok: true, messages: messages.slice(0, limit), has_more: messages.length > limit };
};

const lookupByEmail: Method = (args, { state }) => {
  const email = str(args.email);
  if (email === undefined) return fail('invalid_arguments');
  const user = state.userByEmail(email);
  return user === undefined ? fail('users_not_found') : { ok: true, user: slackUser(user) };
};

const usersInfo: Method = (args, { state }) => {
  const user = state.users.get(str(args.user) ?? '');
  return user === undefined ? fail('user_not_found') : { ok: true, user: slackUser(user) };
};

const userGroupMembers: Method = (args, { state }) => {
  const members = state.groups.get(str(args.usergroup) ?? '');
  return members === undefined ? fail('no_such_subteam') : { ok: true, users: [...members] };
};

function storedView(state: SlackState, view: Json, id: string): Json {
  const stored = {
    ...view,
    id,
    team_id: 'T0TEST',
    app_id: 'A0TEST',
    bot_id: 'BBOT',
    hash: state.nextId('H.'),
    state: { values: {} },
  };
  state.views.set(id, stored);
  return stored;
}

/** views.open and views.push: a fresh trigger_id each time (Slack exchanges it once). */
const openView: Method = (args, { state }) => {
  const trigger = str(args.trigger_id);
  if (trigger === undefined) return fail('invalid_arguments', ['[ERROR] missing required field: trigger_id']);
  if (state.usedTriggers.has(trigger)) return fail('exchanged_trigger_id');
  const problems = viewProblems(args.view, 'modal');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  state.usedTriggers.add(trigger);
  return { ok: true, view: storedView(state, args.view as Json, state.nextId('V')) };
};

/** Accepts a view_id it never issued (from an interaction payload); checks `hash` for views it knows. */
const updateView: Method = (args, { state }) => {
  const viewId = str(args.view_id) ?? str(args.external_id);
  if (viewId === undefined) return fail('invalid_arguments', ['[ERROR] view_id or external_id is required']);
  const problems = viewProblems(args.view, 'any');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  const known = state.views.get(viewId);
  if (known !== undefined && str(args.hash) !== undefined && args.hash !== known.hash) return fail('hash_conflict');
  return { ok: true, view: storedView(state, args.view as Json, viewId) };
};

const publishView: Method = (args, { state }) => {
  const user = str(args.user_id);
  if (user === undefined) return fail('invalid_arguments', ['[ERROR] missing required field: user_id']);
  const problems = viewProblems(args.view, 'home');
  if (problems.length > 0) return fail('invalid_arguments', problems);
  return { ok: true, view: storedView(state, args.view as Json, `VHOME${user}`) };
};

const getUploadUrl: Method = (args, { state, origin }) => {
  const filename = str(args.filename);
  const length = Number(args.length);
  if (filename === undefined || !Number.isInteger(length) || length < 1) return fail('invalid_arguments');
  const fileId = state.nextId('F');
  state.uploads.set(fileId, { filename, length, completed: false });
  return { ok: true, upload_url: `${origin}/upload/v1/${fileId}`, file_id: fileId };
};

const completeUpload: Method = (args, { state }) => {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0) return fail('invalid_arguments');
  const done: Json[] = [];
  for (const file of files as Json[]) {
    const id = str(file?.id) ?? '';
    const upload = state.uploads.get(id);
    if (upload === undefined || upload.bytes === undefined) return fail('file_not_found');
    upload.completed = true;
    const channel = str(args.channel_id);
    done.push({
      id,
      name: upload.filename,
      title: file.title ?? upload.filename,
      size: upload.bytes.length,
      channels: channel === undefined ? [] : [channel],
    });
  }
  return { ok: true, files: done };
};

export const METHODS: Readonly<Record<string, Method>> = {
  'auth.test': () => ({
    ok: true,
    url: 'https://test.slack.com/',
    team: 'Test',
    user: 'bot',
    team_id: 'T0TEST',
    user_id: 'UBOT',
    bot_id: 'BBOT',
    is_enterprise_install: false,
  }),
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'conversations.open': conversationsOpen,
  'conversations.history': conversationsHistory,
  'users.lookupByEmail': lookupByEmail,
  'users.info': usersInfo,
  'usergroups.users.list': userGroupMembers,
  'views.open': openView,
  'views.push': openView,
  'views.update': updateView,
  'views.publish': publishView,
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};
