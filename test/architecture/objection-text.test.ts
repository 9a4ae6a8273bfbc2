/**
 * An objection's facts, reasons, notes and replies are what strangers typed on a public form: the pages
 * that show them render text only. React escapes text; this keeps anyone from reaching past it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve(import.meta.dirname, '../../web/src/components/objections');

describe('objection pages show typed text as text', () => {
  it('never set HTML from data', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.tsx'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const source = readFileSync(path.join(DIR, file), 'utf8');
      expect(source, file).not.toMatch(/dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/);
    }
  });
});
