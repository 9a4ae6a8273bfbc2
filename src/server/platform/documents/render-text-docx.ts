/**
 * A plain document of running text as DOCX, as an official would type it in Word: a title in 黑体, an
 * optional line under it, then one paragraph per line typed, 仿宋 三号 indented two characters. The
 * project's 工作总结 is generated this way from the text written on the page.
 */
import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';

/** Sizes in half-points: 二号 22 pt for the title, 三号 16 pt for the text. */
const SIZE = { title: 44, body: 32 };
const font = (eastAsia: string) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia,
  cs: 'Times New Roman',
});
/** Marking the text as zh-CN makes LibreOffice pick the SC face of Noto CJK, not the Japanese one. */
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const MM = 1440 / 25.4;

/** An A4 page with the margins of official documents (GB/T 9704: 37/35/28/26 mm), in twips. */
export const OFFICIAL_PAGE = {
  size: { width: 11906, height: 16838 },
  margin: {
    top: Math.round(37 * MM),
    bottom: Math.round(35 * MM),
    left: Math.round(28 * MM),
    right: Math.round(26 * MM),
  },
};

export async function renderTextDocx(input: {
  title: string;
  subtitle?: string;
  text: string;
}): Promise<Buffer> {
  const lines = input.text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const paragraphs = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [
        new TextRun({ text: input.title, font: font('黑体'), size: SIZE.title, language: LANGUAGE }),
      ],
    }),
    ...(input.subtitle
      ? [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 360 },
            children: [
              new TextRun({ text: input.subtitle, font: font('楷体'), size: SIZE.body, language: LANGUAGE }),
            ],
          }),
        ]
      : []),
    ...lines.map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: SIZE.body * 20 },
          // 28 磅 fixed line spacing, the usual for official prose.
          spacing: { line: 560, lineRule: 'exact' },
          children: [new TextRun({ text: line, font: font('仿宋'), size: SIZE.body, language: LANGUAGE })],
        }),
    ),
  ];
  const document = new Document({
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        children: paragraphs,
      },
    ],
  });
  return Packer.toBuffer(document);
}
