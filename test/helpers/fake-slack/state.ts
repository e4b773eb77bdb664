export interface FakeUser {
  id: string;
  email?: string;
  name?: string;
  tz?: string;
}

export interface Upload {
  filename: string;
  length: number;
  bytes?: Buffer;
  completed: boolean;
}

export type Json = Record<string, unknown>;

/** What the fake Slack workspace holds between calls; reset() starts it afresh. */
export class SlackState {
  readonly users = new Map<string, FakeUser>();
  readonly groups = new Map<string, string[]>();
  readonly messages = new Map<string, Json>();
  readonly views = new Map<string, Json>();
  readonly uploads = new Map<string, Upload>();
  readonly usedTriggers = new Set<string>();
  private seq = 0;

  nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}${String(this.seq).padStart(8, '0')}`;
  }

  /** A message timestamp like Slack's: seconds, a dot, six digits unique here. */
  nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  userByEmail(email: string): FakeUser | undefined {
    const wanted = email.trim().toLowerCase();
    return [...this.users.values()].find((u) => u.email?.toLowerCase() === wanted);
  }
}

function offsetSeconds(tz: string, at: Date): number {
  const label = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(label ?? '');
  if (match === null) return 0;
  const seconds = Number(match[2]) * 3600 + Number(match[3]) * 60;
  return match[1] === '-' ? -seconds : seconds;
}

/** A user object shaped like users.info / users.lookupByEmail answers. */
export function slackUser(user: FakeUser): Json {
  const name = user.name ?? user.id.toLowerCase();
  const tz = user.tz ?? 'UTC';
  return {
    id: user.id,
    team_id: 'T0TEST',
    name,
    real_name: name,
    deleted: false,
    is_bot: false,
    tz,
    tz_offset: offsetSeconds(tz, new Date()),
    profile: { real_name: name, display_name: name, ...(user.email === undefined ? {} : { email: user.email }) },
  };
}
