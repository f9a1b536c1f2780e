import { types, type Wechaty } from 'wechaty';
import type { Message, Room } from 'wechaty/users';
import { OsschatError } from '../../core/errors.js';
import type { OutgoingMessage, RoomRole } from '../../core/types.js';
import type { ChatAdapter, ChatAdapterState, ChatEventHandler } from '../chat-adapter.js';
import { toldByLoginBackoff } from './login-backoff.js';
import { repeatFilter } from './repeat-filter.js';
import { parseWechatyMessage, type RawWechatyMessage } from './parse-message.js';

type LogFn = (obj: object, msg?: string) => void;

export interface AdapterLog {
  info: LogFn;
  warn: LogFn;
  error: LogFn;
}

export interface WechatyAdapterOptions {
  /** A Wechaty instance, not yet started. */
  wechaty: Wechaty;
  log?: AdapterLog;
  /** Called with each login QR code, e.g. `printLoginQr`. */
  onScan?: (qrcode: string, status: types.ScanStatus) => void;
}

const M = types.Message;
const silent: AdapterLog = { info: () => {}, warn: () => {}, error: () => {} };

async function attempt<T>(read: () => Promise<T> | T): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined;
  }
}

/**
 * The talker's role from the room's payload, which the puppet has cached (no extra request): owner, admin,
 * or member; unknown when the puppet does not report an owner (then nothing is stored, nothing assumed).
 */
export function talkerRole(room: Pick<Room, 'owner' | 'payload'>, talkerId: string): RoomRole | undefined {
  const ownerId = room.owner()?.id;
  if (!ownerId) return undefined;
  if (ownerId === talkerId) return 'owner';
  return room.payload?.adminIdList?.includes(talkerId) ? 'admin' : 'member';
}

async function readRoom(msg: Message): Promise<Partial<RawWechatyMessage>> {
  const room = msg.room();
  if (!room) return {};
  const talker = msg.talker();
  return {
    roomId: room.id,
    talkerRole: await attempt(() => talkerRole(room, talker.id)),
    roomTopic: await attempt(() => room.topic()),
    talkerAlias: await attempt(() => room.alias(talker)),
    mentionsSelf: (await attempt(() => msg.mentionSelf())) ?? false,
  };
}

// Only what the payload already holds or the puppet answers without downloading the file.
async function readAttachment(msg: Message): Promise<Partial<RawWechatyMessage>> {
  switch (msg.type()) {
    case M.Attachment:
      return { fileName: msg.payload?.filename ?? (await attempt(async () => (await msg.toFileBox()).name)) };
    case M.Url: {
      const link = await attempt(() => msg.toUrlLink());
      return { title: link?.title(), url: link?.url() };
    }
    case M.MiniProgram:
      return { title: await attempt(async () => (await msg.toMiniProgram()).title()) };
    case M.Contact:
      return { contactName: await attempt(async () => (await msg.toContact()).name()) };
    case M.Location:
      // Wechaty 1.20's msg.toLocation() always throws (it news an unbound LocationImpl): ask the puppet.
      return { locationName: await attempt(async () => (await msg.wechaty.puppet.messageLocation(msg.id)).name) };
    case M.Recalled:
      return { recalledId: await attempt(async () => (await msg.toRecalled())?.id) };
    default:
      return {};
  }
}

/** Reads every field the parser needs from a Wechaty message. */
export async function readRawMessage(msg: Message): Promise<RawWechatyMessage> {
  const talker = msg.talker();
  return {
    id: msg.id,
    type: msg.type(),
    text: msg.text(),
    talkerId: talker.id,
    talkerName: await attempt(() => talker.name()),
    self: msg.self(),
    mentionsSelf: false,
    date: msg.date(),
    ...(await readRoom(msg)),
    ...(await readAttachment(msg)),
  };
}

// A direct chat has no room: its platform id is the contact's, so fall back to the contact.
async function sayTo(wechaty: Wechaty, message: OutgoingMessage): Promise<void> {
  const room = await wechaty.Room.find({ id: message.room });
  // WeChat puppets cannot send a real quote, so replyTo is dropped and only the text is said.
  if (room) {
    await room.say(message.text);
    return;
  }
  const contact = await wechaty.Contact.find({ id: message.room });
  if (!contact) throw new Error(`wechat: no room or contact with id ${message.room}`);
  await contact.say(message.text);
}

function errorFields(err: unknown): object {
  return { err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) };
}

interface Session {
  state: ChatAdapterState;
  selfName?: string;
  accepting: boolean;
  /** Handling is chained so events reach the handler in arrival order; reading runs ahead. */
  tail: Promise<void>;
  log: AdapterLog;
}

function deliver(session: Session, msg: Message, handler: ChatEventHandler): void {
  if (!session.accepting) return;
  const { log } = session;
  const raw = readRawMessage(msg);
  raw.catch(() => undefined);
  session.tail = session.tail.then(async () => {
    try {
      const event = parseWechatyMessage(await raw);
      if (event) await handler(event);
      else log.warn({ messageId: msg.id }, 'wechat: recall without the original message id, skipped');
    } catch (err) {
      log.error({ messageId: msg.id, ...errorFields(err) }, 'wechat: failed to handle a message');
    }
  });
}

function listen(session: Session, options: WechatyAdapterOptions, handler: ChatEventHandler): void {
  const { wechaty, onScan } = options;
  const { log } = session;
  wechaty.on('scan', (qrcode, status) => {
    session.state = 'waiting-login';
    log.info({ status: types.ScanStatus[status] }, 'wechat: scan the QR code to log in');
    onScan?.(qrcode, status);
  });
  wechaty.on('login', (user) => {
    session.state = 'ready';
    session.selfName = user.name();
    log.info({ user: user.name() }, 'wechat: logged in');
  });
  wechaty.on('logout', (user) => {
    if (session.accepting) session.state = 'waiting-login';
    log.warn({ user: user.name() }, 'wechat: logged out');
  });
  // Wechaty reports puppet trouble as 'error' events; an unheard one would crash the process.
  const repeated = repeatFilter(60_000);
  wechaty.on('error', (err) => {
    if (toldByLoginBackoff(err)) return;
    const message = err instanceof Error ? err.message : String(err);
    const { pass, suppressed } = repeated(message);
    if (!pass) return;
    const hint = /ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(message) ? 'cannot reach the WeChat servers: check the network, or choose another puppet with WECHATY_PUPPET' : undefined;
    log.warn({ ...errorFields(err), ...(suppressed ? { repeatedSinceLast: suppressed } : {}), ...(hint ? { hint } : {}) }, 'wechat: puppet error');
  });
  wechaty.on('message', (msg) => deliver(session, msg, handler));
}

async function startSession(session: Session, options: WechatyAdapterOptions, handler: ChatEventHandler) {
  if (session.state !== 'idle') throw new Error(`wechat adapter cannot start when ${session.state}`);
  session.state = 'starting';
  session.accepting = true;
  listen(session, options, handler);
  try {
    await options.wechaty.start();
  } catch (err) {
    session.state = 'failed';
    session.accepting = false;
    throw err;
  }
}

async function stopSession(session: Session, wechaty: Wechaty): Promise<void> {
  const started = session.state !== 'idle' && session.state !== 'stopped';
  session.accepting = false;
  await session.tail;
  try {
    if (started) await wechaty.stop();
  } finally {
    session.state = 'stopped';
  }
}

/** The WeChat chat adapter: Wechaty events in, chat events out. */
export function createWechatyAdapter(options: WechatyAdapterOptions): ChatAdapter {
  const session: Session = { state: 'idle', accepting: false, tail: Promise.resolve(), log: options.log ?? silent };
  return {
    platform: 'wechat',
    get state() {
      return session.state;
    },
    get selfName() {
      return session.selfName;
    },
    start: (handler) => startSession(session, options, handler),
    stop: () => stopSession(session, options.wechaty),
    // Until WeChat is logged in, sends fail as retryable: the outbox keeps them and tries again.
    say: (message) =>
      session.state === 'ready' ? sayTo(options.wechaty, message) : Promise.reject(new OsschatError('chat-unavailable', `wechat: cannot send while ${session.state}`, { retryable: true })),
    finished: () => new Promise<void>(() => {}),
  };
}
