/**
 * The 工作总结 document made from text written on the page: the same Word file whether a unit asks for it
 * or the demo seeds it, named for the programme.
 */
import { formFileName } from '#core/documents/file-names.ts';
import { renderTextDocx } from '#server/platform/documents/render-text-docx.ts';

/** `“银龄学堂”老年教育项目` → `“银龄学堂”老年教育项目-工作总结.docx`, safe on every file system. */
export function workSummaryFileName(programme: string): string {
  const name = programme.trim();
  return name ? formFileName(name, '工作总结', 'docx') : '工作总结.docx';
}

export function workSummaryDocx(input: {
  programme: string;
  unitName: string;
  text: string;
}): Promise<Buffer> {
  return renderTextDocx({
    title: '近年开展学习活动的工作总结',
    subtitle: [input.programme, input.unitName].filter(Boolean).join('　'),
    text: input.text,
  });
}
