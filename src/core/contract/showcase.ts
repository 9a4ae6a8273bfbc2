/** 展示: the organiser's editing and approval of winners' public texts, as the API carries them. */
import { z } from 'zod';
import { STORY_MAX_CHARACTERS } from '../showcase/story.ts';
import { version } from './fields.ts';

export const StoryBody = z.object({
  // The length and personal-data rules are the core's (storyFindings), so the message says what to fix;
  // the bound here only keeps an absurd body out.
  text: z
    .string()
    .max(STORY_MAX_CHARACTERS * 4, `公开展示的事迹不超过${STORY_MAX_CHARACTERS}字`)
    .refine((s) => !/[\p{Cc}<>]/u.test(s.replace(/[\n\r\t]/g, '')), '事迹文字不能包含控制字符或尖括号 < >'),
  version: version.optional(),
});
export const ApproveStoryBody = z.object({ version });

export const StoryState = z.enum(['none', 'draft', 'approved']);

export const StoryWinner = z.object({
  nominationId: z.string(),
  category: z.enum(['star', 'project']),
  special: z.boolean(),
  name: z.string(),
  unit: z.string(),
  state: StoryState,
  text: z.string(),
  version: z.number().nullable(),
  editedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  publicPath: z.string(),
});
export type StoryWinner = z.infer<typeof StoryWinner>;

export const StoriesList = z.object({
  campaignTitle: z.string(),
  level: z.string(),
  winners: z.array(StoryWinner),
});
export type StoriesList = z.infer<typeof StoriesList>;

export const StorySaved = z.object({ state: z.enum(['draft', 'approved']), version: z.number() });
