/** The step texts and the Console drawings agree: every callout number a step names is drawn in its illustration, and each drawing's callouts are all explained. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stepContent, stepsFor, type IllustrationName } from '../../../renderer/src/lib/onboarding-steps';

function drawnCallouts(name: IllustrationName): number[] {
  const svg = readFileSync(resolve('renderer/src/assets/console', `${name}.svg`), 'utf8');
  const numbers = [...svg.matchAll(/<text[^>]*>(\d)<\/text>/g)].map((match) => Number(match[1]));
  return [...new Set(numbers)].sort();
}

const allSteps = [...new Set([...stepsFor('apiKey'), ...stepsFor('authToken')])].map(stepContent);

describe('onboarding steps', () => {
  it('name only callouts that are drawn in the step\'s illustration', () => {
    for (const step of allSteps) {
      if (!step.illustration) continue;
      const drawn = drawnCallouts(step.illustration);
      for (const line of step.instructions) {
        if (line.callout !== null) expect(drawn, `${step.id}: callout ${line.callout}`).toContain(line.callout);
      }
    }
  });

  it('explain every callout drawn in each illustration somewhere along the paths', () => {
    const explained = new Map<IllustrationName, Set<number>>();
    for (const step of allSteps) {
      if (!step.illustration) continue;
      const set = explained.get(step.illustration) ?? new Set<number>();
      step.instructions.forEach((line) => line.callout !== null && set.add(line.callout));
      explained.set(step.illustration, set);
    }
    expect([...explained.keys()].sort()).toEqual(['account-info', 'account-sid', 'api-keys-page', 'copy-secret', 'create-key-form']);
    for (const [name, set] of explained) expect([...set].sort(), name).toEqual(drawnCallouts(name));
  });

  it('give every illustrated step a text alternative for screen readers', () => {
    for (const step of allSteps) {
      if (step.illustration) expect(step.illustrationAlt.length, step.id).toBeGreaterThan(40);
    }
  });
});
