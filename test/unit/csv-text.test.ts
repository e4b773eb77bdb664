import { describe, expect, it } from 'vitest';
import { dateOrder, monthFirstToIso } from '../../src/adapters/csv/csv-dates.js';
import { csvTab } from '../../src/adapters/csv/csv-files.js';
import { parseCsv } from '../../src/adapters/csv/csv-text.js';

describe('parseCsv reads CSV as spreadsheets write it (RFC 4180)', () => {
  const cases: Array<[what: string, text: string, rows: string[][], separator?: string]> = [
    [
      'commas, CRLF, a final line break',
      'ID,Action\r\n1.1,Agree spec\r\n',
      [
        ['ID', 'Action'],
        ['1.1', 'Agree spec'],
      ],
    ],
    [
      'LF, no final line break',
      'ID,Action\n1.1,Agree spec',
      [
        ['ID', 'Action'],
        ['1.1', 'Agree spec'],
      ],
    ],
    [
      'old Mac CR line ends',
      'ID,Action\r1.1,Agree spec\r',
      [
        ['ID', 'Action'],
        ['1.1', 'Agree spec'],
      ],
    ],
    [
      'semicolons (a European Excel)',
      'Risk No;Impact\nR1;3\n',
      [
        ['Risk No', 'Impact'],
        ['R1', '3'],
      ],
      ';',
    ],
    [
      'tabs',
      'Risk No\tImpact\nR1\t3\n',
      [
        ['Risk No', 'Impact'],
        ['R1', '3'],
      ],
      '\t',
    ],
    [
      'a byte-order mark',
      '\uFEFFRisk No;Impact\nR1;3',
      [
        ['Risk No', 'Impact'],
        ['R1', '3'],
      ],
      ';',
    ],
    [
      'a quoted field holding the separator',
      'ID,Action\n1.1,"Agree spec, with the ICB"\n',
      [
        ['ID', 'Action'],
        ['1.1', 'Agree spec, with the ICB'],
      ],
    ],
    [
      'doubled quotes inside quotes',
      'ID,Note\n1.1,"Draft shared; ""final"" due Dec"\n',
      [
        ['ID', 'Note'],
        ['1.1', 'Draft shared; "final" due Dec'],
      ],
    ],
    [
      'a line break inside quotes (CRLF kept as written)',
      'ID,Success criteria\r\n1.1,"Spec signed off\r\nBudget agreed"\r\n1.2,x\r\n',
      [
        ['ID', 'Success criteria'],
        ['1.1', 'Spec signed off\r\nBudget agreed'],
        ['1.2', 'x'],
      ],
    ],
    [
      'empty fields and an empty quoted field',
      'a,b,c\n,"",\n',
      [
        ['a', 'b', 'c'],
        ['', '', ''],
      ],
    ],
    [
      'a quote inside an unquoted field is kept',
      'a,b\n5" pipe,x\n',
      [
        ['a', 'b'],
        ['5" pipe', 'x'],
      ],
    ],
    [
      'a quote left open runs to the end',
      'a,b\n1,"open\n2,3',
      [
        ['a', 'b'],
        ['1', 'open\n2,3'],
      ],
    ],
    [
      'a separator inside quotes on the header line does not count',
      '"a;b",c,d\n1,2,3',
      [
        ['a;b', 'c', 'd'],
        ['1', '2', '3'],
      ],
    ],
    ['a blank line stays a line (row numbers hold)', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['nothing at all', '', []],
  ];
  it.each(cases)('%s', (_, text, rows, separator = ',') => {
    expect(parseCsv(text)).toEqual({ rows, separator });
  });
});

describe('a CSV file shows whether its dates are day first', () => {
  it.each([
    [[['31/03/2027', '01/04/2026']], 'day-first'],
    [[['01/04/2026', '02/05/2026']], 'day-first'],
    [[['03/31/2027', '04/01/2026']], 'month-first'],
    [[['3/31/27 9:30 AM']], 'month-first'],
    [[['03-31-2027']], 'month-first'],
    [[['03/31/2027', '31/03/2027']], 'day-first'],
    [[['1.13.12', '12-13-14', 'R-13']], 'day-first'],
    [[['2027-03-31']], 'day-first'],
  ] as const)('%j is read %s', (rows, order) => expect(dateOrder(rows)).toBe(order));

  it.each([
    ['03/31/2027', '2027-03-31'],
    ['3/1/27', '2027-03-01'],
    ['11/05/2026 14:00', '2026-11-05'],
    ['03-31-2027', '2027-03-31'],
    ['02/30/2027', '2027-02-30'],
    ['TBC', 'TBC'],
    ['Dec 2026', 'Dec 2026'],
  ])('a month-first "%s" is read as %s', (text, iso) => expect(monthFirstToIso(text)).toBe(iso));

  it('a month-first file has its numeric dates made ISO, other cells kept, empty ones empty', () => {
    const tab = csvTab(
      'Risks export',
      'ID,Raised,Due,Note\nRSK-1,11/05/2026,03/31/2027,\nRSK-2,11/20/2026,TBC,"1/2 done"\n',
    );
    expect(tab).toEqual({
      title: 'Risks export',
      rows: [
        ['ID', 'Raised', 'Due', 'Note'],
        ['RSK-1', '2026-11-05', '2027-03-31', null],
        ['RSK-2', '2026-11-20', 'TBC', '1/2 done'],
      ],
    });
  });

  it('a day-first file keeps its dates as written, for the register reading to read', () => {
    expect(csvTab('Plan', 'ID,Due\n1.1,31/03/2027\n1.2,01/04/2027\n').rows[1]).toEqual(['1.1', '31/03/2027']);
  });
});
