/**
 * The frame of every print view: a toolbar on screen (back, title, proof copy, 「打印」), and the
 * documents as A4 sheets, each in the campaign's number of paper copies (一式N份), every copy starting
 * on a new page. The toolbar and hints are hidden on paper. The browser's title becomes the name a
 * "save as PDF" proposes, so it names the document.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Checkbox } from 'antd';
import { Fragment, type ReactNode, useEffect, useState } from 'react';
import { Link } from 'react-router';
import './print.css';

export interface PrintDocument {
  key: string;
  /** 一式N份 from the campaign's rules. */
  copies: number;
  landscape?: boolean;
  content: ReactNode;
}

export function PrintFrame({
  title,
  backTo,
  backLabel,
  controls,
  hint,
  documents,
}: {
  title: string;
  backTo: string;
  backLabel: string;
  /** Extra choices in the toolbar (category, unit). */
  controls?: ReactNode;
  hint?: ReactNode;
  documents: PrintDocument[];
}) {
  const [proof, setProof] = useState(false);
  const copiesLabel = [...new Set(documents.map((d) => d.copies))].join('、');

  useEffect(() => {
    const previous = document.title;
    document.title = title;
    return () => {
      document.title = previous;
    };
  }, [title]);

  return (
    <div className="print-view" lang="zh-CN">
      <div className="print-toolbar">
        <Link to={backTo}>
          <ArrowLeftOutlined /> {backLabel}
        </Link>
        <span className="print-toolbar-title">{title}</span>
        {controls}
        {documents.length > 0 && (
          <Checkbox checked={proof} onChange={(e) => setProof(e.target.checked)}>
            只印一份（校对用）
          </Checkbox>
        )}
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={documents.length === 0}
          onClick={() => window.print()}
        >
          打印
        </Button>
      </div>
      <div className="print-hint">
        <span className="print-phone-hint">纸面按 A4 原大显示，可左右滑动查看；打印请使用电脑。</span>
        {hint}
        {documents.length > 0 &&
          (proof
            ? '现为校对模式：每份材料只印一份。'
            : `按活动要求每份材料打印 ${copiesLabel} 份，每份从新的一页开始；打印时请选择 A4 纸、不缩放，并在打印设置中关闭“页眉和页脚”。`)}
      </div>
      {/* The A4 sheets scroll sideways on a phone: focusable, so the keyboard can scroll them too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="print-desk" aria-label="打印预览" tabIndex={0}>
        {documents.map((doc) => {
          const copies = proof ? 1 : doc.copies;
          return (
            <Fragment key={doc.key}>
              {Array.from({ length: copies }, (_, i) => (
                <section
                  // biome-ignore lint/suspicious/noArrayIndexKey: identical copies of one document
                  key={i}
                  className={doc.landscape ? 'print-copy landscape' : 'print-copy'}
                  data-copy={i + 1}
                >
                  {copies > 1 && (
                    <div className="print-copy-label">
                      第 {i + 1} 份，共 {copies} 份
                    </div>
                  )}
                  {doc.content}
                </section>
              ))}
            </Fragment>
          );
        })}
      </section>
    </div>
  );
}
