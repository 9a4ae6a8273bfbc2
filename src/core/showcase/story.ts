/**
 * A winner's public text on the showcase: drafted from the form (a star's 事迹, a project's content and
 * results), edited by the organiser, shown only once approved. What the public reads never holds an ID
 * number, a phone number or the winner's address: such a text is refused for publication.
 */
import type { Category } from '../campaign/rules.ts';
import { error, type Finding } from '../findings.ts';
import { toHalfWidth } from '../identity/normalise.ts';
import { findPersonalData } from '../identity/personal-data-in-text.ts';

export const STORY_STATES = ['draft', 'approved'] as const;
export type StoryState = (typeof STORY_STATES)[number];

export const STORY_MAX_CHARACTERS = 5000;

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The first draft of the public text, from the form as submitted. */
export function draftStoryOf(category: Category, form: Readonly<Record<string, unknown>>): string {
  if (category === 'star') return text(form.story);
  return [text(form.content), text(form.results)].filter(Boolean).join('\n\n');
}

/** The form's own personal values the text must not repeat (already opened for this check). */
export interface KnownPersonalData {
  address?: string;
}

const squeeze = (v: string) => toHalfWidth(v).replace(/\s+/g, '');

/** Errors that keep the text from being stored; empty when it may be saved and published. */
export function storyFindings(story: string, known: KnownPersonalData = {}): Finding[] {
  const findings: Finding[] = [];
  const trimmed = story.trim();
  if (!trimmed) findings.push(error('STORY_EMPTY', 'text', '请填写公开展示的事迹文字'));
  if ([...trimmed].length > STORY_MAX_CHARACTERS)
    findings.push(
      error(
        'STORY_TOO_LONG',
        'text',
        `公开展示的事迹不超过${STORY_MAX_CHARACTERS}字，现为${[...trimmed].length}字，请删减`,
      ),
    );
  for (const hit of findPersonalData(trimmed)) {
    findings.push(
      hit.kind === 'idNumber'
        ? error(
            'STORY_HAS_ID_NUMBER',
            'text',
            `公开文字中含有身份证号「${hit.text}」，公开展示不得含身份证号，请删除后再保存`,
          )
        : error(
            'STORY_HAS_PHONE',
            'text',
            `公开文字中含有电话号码「${hit.text}」，公开展示不得含联系电话，请删除后再保存`,
          ),
    );
  }
  const address = squeeze(known.address ?? '');
  // A short address (a province name) is no more than a place; a full one is where someone lives.
  if (address.length >= 8 && squeeze(trimmed).includes(address))
    findings.push(
      error(
        'STORY_HAS_ADDRESS',
        'text',
        '公开文字中含有申报表填写的通讯地址，公开展示不得含住址，请删除后再保存',
      ),
    );
  return findings;
}
