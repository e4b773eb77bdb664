import type { IsoDate } from '../domain/cell.js';
import { daysBetween, formatDate } from '../domain/dates/calendar.js';
import { isValidIsoDate } from '../domain/dates/timescale.js';
import type { ItemUpdate } from '../domain/items/item-update.js';
import type { Scale } from '../domain/items/scale.js';
import { fieldWords } from '../domain/register/field-words.js';
import { type Action, type Item, ownerOf, type Risk } from '../domain/register/register.js';
import { bold, clipLine, type Inline, type Line, type Message, type MessagePart, plural } from './message.js';
import { ragText, statusShort, statusText } from './status-text.js';

/** The RAG line, where the register has a RAG colour for the item. */
function ragLines(item: Item): Line[] {
  return item.rag === null ? [] : [[bold('RAG: '), ragText(item.rag)]];
}

function when(date: IsoDate | null, today: IsoDate): string {
  if (date === null) return 'none';
  const days = daysBetween(today, date);
  const relative = days < 0 ? `${plural(-days, 'day')} overdue` : days === 0 ? 'today' : `in ${plural(days, 'day')}`;
  return `${formatDate(date)} (${relative})`;
}

/** A cell's text or an Audit value as a person reads it: a date as "Fri 15 Jan 2027", a blank as "(blank)". */
function shownValue(value: string): string {
  if (value === '') return '(blank)';
  return isValidIsoDate(value) ? formatDate(value) : value;
}

/** What the cell says, where that is more than the date already shown: "Q4 2026/27", not a date cell again. */
function writtenAs(text: string): string {
  return isValidIsoDate(text) ? '' : `, written "${clipLine(text, 80)}"`;
}

function riskLines(risk: Risk, today: IsoDate): Line[] {
  const rating =
    risk.rating === null
      ? 'not rated (impact or probability missing)'
      : risk.ratingFrom === 'sheet'
        ? `${risk.band?.label} (${risk.rating}, the sheet's own score; impact or probability missing)`
        : `${risk.band?.label} (${risk.rating} = impact ${risk.impact} x probability ${risk.probability})`;
  return [
    [
      bold('Owner: '),
      risk.owner || 'none',
      risk.actionOwner && risk.actionOwner !== risk.owner ? `; action owner: ${risk.actionOwner}` : '',
    ],
    [bold('Rating: '), rating],
    [bold('Status: '), `${statusText(risk)}${risk.trend ? `, ${risk.trend}` : ''}`],
    ...ragLines(risk),
    [
      bold('Target resolution: '),
      risk.target.text ? `${when(risk.target.targetDate, today)}${writtenAs(risk.target.text)}` : 'none',
    ],
    [bold('Last updated: '), risk.dateLastUpdated ? formatDate(risk.dateLastUpdated) : 'never'],
    ...(risk.impactOnProgramme ? [[bold('Impact on programme: '), risk.impactOnProgramme]] : []),
    ...(risk.mitigatingActions ? [[bold('Mitigating actions: '), risk.mitigatingActions]] : []),
  ];
}

function actionLines(action: Action, today: IsoDate): Line[] {
  const slipped =
    action.timesSlipped > 0
      ? `; slipped ${plural(action.timesSlipped, 'time')}${action.originalTargetDate ? `, first due ${formatDate(action.originalTargetDate)}` : ''}`
      : '';
  return [
    [bold('Lead: '), action.lead || 'none'],
    [bold('Status: '), `${statusText(action)}${action.progress !== null ? `, ${action.progress}%` : ''}`],
    ...ragLines(action),
    [bold('Target date: '), `${when(action.target.targetDate, today)}${slipped}`],
    ...(action.target.text ? [[bold('Timescale: '), shownValue(action.target.text)]] : []),
    ...(action.successCriteria ? [[bold('Success criteria: '), action.successCriteria]] : []),
    ...(action.latestNote ? [[bold('Latest note: '), action.latestNote]] : []),
    ...(action.linkedRisks.length > 0 ? [[bold('Linked risks: '), action.linkedRisks.join(', ')]] : []),
  ];
}

export function itemTitle(item: Item): string {
  return item.kind === 'risk' ? item.description : item.action;
}

/** One item in full, as `/risk show R-3` answers. */
export function itemMessage(item: Item, today: IsoDate): Message {
  const lines = item.kind === 'risk' ? riskLines(item, today) : actionLines(item, today);
  return {
    summary: `${item.id}: ${clipLine(itemTitle(item), 100)}`,
    parts: [
      { type: 'header', text: `${item.id}: ${clipLine(itemTitle(item), 140)}` },
      ...lines.map((line): MessagePart => ({ type: 'section', line })),
    ],
  };
}

/** One line per item, for lists. */
export function itemLine(item: Item, today: IsoDate): Inline[] {
  const target = item.target.targetDate;
  const due = target === null ? 'no date' : when(target, today);
  const state =
    item.kind === 'risk'
      ? `${item.band?.label ?? 'unrated'}${item.rating !== null ? ` (${item.rating})` : ''}${item.rag === null ? '' : `, ${ragText(item.rag)}`}`
      : statusShort(item);
  return [bold(item.id), ` ${clipLine(itemTitle(item), 70)}: ${state}, ${due} (${ownerOf(item) || 'no owner'})`];
}

export function listMessage(heading: string, items: readonly Item[], today: IsoDate, emptyText: string): Message {
  return {
    summary: `${heading}: ${items.length}`,
    parts: [
      {
        type: 'list',
        heading: `${heading} (${items.length})`,
        items: items.map((item) => itemLine(item, today)),
        emptyText,
      },
    ],
  };
}

/** What an update did, in words, with the new rating and band. */
export function updatedMessage(item: Item, update: ItemUpdate, scale: Scale): Message {
  const changed = update.audit
    .filter((line) => line.field !== 'note')
    .map((line) => `${fieldWords(line.field)} ${shownValue(line.oldValue)} → ${shownValue(line.newValue)}`);
  const parts: MessagePart[] = [
    {
      type: 'section',
      line: [bold(`Updated ${item.id}`), changed.length > 0 ? `: ${changed.join('; ')}` : ': note added'],
    },
  ];
  if (item.kind === 'risk' && update.rating.after !== null) {
    const was =
      update.rating.before !== null && update.rating.before !== update.rating.after
        ? ` (was ${update.rating.before})`
        : '';
    parts.push({
      type: 'section',
      line: `Rating ${update.rating.after}, ${update.rating.band?.label} on the ${scale.name} scale${was}.`,
    });
  }
  return { summary: `Updated ${item.id}`, parts };
}

/** The board is told when a risk enters the top band. */
export function topBandMessage(item: Item, update: ItemUpdate, who: string): Message {
  return {
    summary: `${item.id} is now ${update.rating.band?.label}`,
    parts: [
      {
        type: 'section',
        line: [
          bold(`${item.id} is now ${update.rating.band?.label} (${update.rating.after})`),
          `: ${clipLine(itemTitle(item), 150)}. Raised from ${update.rating.before ?? 'unrated'} by ${who}.`,
        ],
      },
    ],
  };
}
