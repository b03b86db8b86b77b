import { describe, expect, it } from 'vitest';
import { ACTIVITIES, CAMPAIGN, THEMES, VOCABULARIES, vocabularyLabels } from '../src';

describe('taxonomy', () => {
  it('tiles the campaign with the three phase windows, in order', () => {
    expect(THEMES.map((theme) => theme.phase)).toEqual([1, 2, 3]);
    expect(THEMES[0].startsOn).toBe(CAMPAIGN.startsOn);
    expect(THEMES[2].endsOn).toBe(CAMPAIGN.endsOn);
    for (let index = 1; index < THEMES.length; index += 1) {
      const previousEnd = new Date(`${THEMES[index - 1]!.endsOn}T00:00:00Z`);
      previousEnd.setUTCDate(previousEnd.getUTCDate() + 1);
      expect(previousEnd.toISOString().slice(0, 10)).toBe(THEMES[index]!.startsOn);
    }
  });

  it('has the six activities in the plan’s order', () => {
    expect(ACTIVITIES.map((activity) => activity.name).join('')).toBe('大学习大调研大讨论大统一大转变大落实');
  });

  it('gives every vocabulary key one Chinese name, across vocabularies (the admin labels share one namespace)', () => {
    const keys = VOCABULARIES.flatMap((vocabulary) => vocabulary.map((entry) => entry.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(vocabularyLabels())).toHaveLength(keys.length);
    // Strapi accepts enumeration values that are GraphQL names once slugified.
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
  });
});
