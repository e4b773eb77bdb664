import { describe, expect, it } from 'vitest';
import { fieldWords } from '../../src/domain/register/field-words.js';
import { TAB_FIELDS } from '../../src/domain/register/fields.js';

describe('fields in plain words', () => {
  it.each([
    ['targetResolution', 'target resolution date'],
    ['targetDate', 'target date'],
    ['dateLastUpdated', 'date last updated'],
    ['originalTargetDate', 'original target date'],
    ['impact', 'impact'],
    ['lead', 'lead'],
    ['rag', 'RAG'],
    ['somethingNew', 'something new'],
  ])('%s is "%s"', (field, words) => {
    expect(fieldWords(field)).toBe(words);
  });

  it('when any field of a risk or an action is named, no key in camel case reaches a person', () => {
    for (const field of [...TAB_FIELDS.risks, ...TAB_FIELDS.actions])
      expect(fieldWords(field)).not.toMatch(/[a-z][A-Z]/);
  });
});
