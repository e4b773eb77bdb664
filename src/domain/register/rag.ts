import { type CellValue, cellText } from '../cell.js';

/**
 * A RAG (traffic-light) rating as plans and risk logs keep it. Blue is the
 * "BRAG" colour for work completed and handed over
 * (http://www.iwise2.com/rag-status); some public-sector plans write Yellow
 * for Amber (Home Office partnership action plans,
 * http://www.crimereduction.homeoffice.gov.uk/psa1/weeksofaction007b.htm).
 */
export const RAG_COLOURS = ['Red', 'Amber', 'Green', 'Blue'] as const;
export type Rag = (typeof RAG_COLOURS)[number];

const RAG_WORDS: Record<string, Rag> = {
  red: 'Red',
  r: 'Red',
  amber: 'Amber',
  a: 'Amber',
  yellow: 'Amber',
  y: 'Amber',
  orange: 'Amber',
  green: 'Green',
  g: 'Green',
  blue: 'Blue',
  b: 'Blue',
  complete: 'Blue',
  completed: 'Blue',
};

export type RagReading = { kind: 'rag'; rag: Rag } | { kind: 'none' } | { kind: 'unknown'; text: string };

/** Reads a RAG cell: Red/Amber/Green/Blue, R/A/G/B, Yellow for Amber, Complete for Blue. */
export function readRag(value: CellValue): RagReading {
  const text = cellText(value);
  if (text === '') return { kind: 'none' };
  const rag = RAG_WORDS[text.toLowerCase().replace(/[^a-z]/g, '')];
  return rag === undefined ? { kind: 'unknown', text } : { kind: 'rag', rag };
}
