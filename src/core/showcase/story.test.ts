import { describe, expect, it } from 'vitest';
import { draftStoryOf, storyFindings } from './story.ts';

describe('storyFindings', () => {
  it('accepts a plain story', () => {
    expect(storyFindings('退休后在社区老年学校学习声乐与摄影十二年，带动120名老人走进课堂。')).toEqual([]);
  });

  it('refuses ID numbers, phone numbers and the form address, saying which', () => {
    const codes = storyFindings('身份证220102196105149416，电话13800001234，住吉林省长春市南关区幸福路8号', {
      address: '吉林省长春市南关区幸福路8号',
    }).map((f) => f.code);
    expect(codes).toEqual(['STORY_HAS_ID_NUMBER', 'STORY_HAS_PHONE', 'STORY_HAS_ADDRESS']);
    expect(storyFindings('联系电话 0431-8888 8888')[0]?.message).toContain('0431-8888 8888');
  });

  it('refuses an empty or overlong text', () => {
    expect(storyFindings('  ').map((f) => f.code)).toEqual(['STORY_EMPTY']);
    expect(storyFindings('学'.repeat(5001)).map((f) => f.code)).toEqual(['STORY_TOO_LONG']);
  });
});

describe('draftStoryOf', () => {
  it('takes a star’s 事迹 and a project’s content and results', () => {
    expect(draftStoryOf('star', { story: ' 坚持学习 ' })).toBe('坚持学习');
    expect(draftStoryOf('project', { content: '读书会', results: '服务三万人次' })).toBe(
      '读书会\n\n服务三万人次',
    );
  });
});
