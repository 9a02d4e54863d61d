import { CaseDocument, DocumentBlock } from '../content/document-model';
import { FONT_PT, PAGE_MM } from './page-layout';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The print view the console shows: the same content, laid out by CSS for A4 with the GB/T 9704 margins. */
export function renderHtml(doc: CaseDocument): string {
  const css = `@page{size:A4;margin:${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm}
body{font-family:"仿宋_GB2312",FangSong,"Noto Serif SC","Noto Serif CJK SC",serif;font-size:${FONT_PT.body}pt;line-height:28pt;max-width:156mm;margin:0 auto}
.issuer,.title{font-family:"宋体",SimSun,"Noto Serif SC",serif;font-weight:bold;text-align:center;margin:0}
.issuer{font-size:${FONT_PT.issuer}pt}.title{font-size:${FONT_PT.title}pt;letter-spacing:4pt}.number{text-align:center;margin:0 0 1em}
p{margin:0;text-align:justify}p.indent{text-indent:2em}h2{font-family:"黑体",SimHei,sans-serif;font-size:${FONT_PT.body}pt;font-weight:normal;margin:0}
table{border-collapse:collapse;width:100%;margin:0 0 1em;font-size:${FONT_PT.body - 2}pt}th,td{border:1px solid #000;padding:4pt;vertical-align:top;text-align:left}
th{width:46mm;font-weight:normal}table.list{font-size:10pt}table.list th{width:auto;font-family:"黑体",SimHei,sans-serif}td.sign{height:3em}.signature{text-align:right;margin:2em 2em 0 0}`;
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(`${doc.title} ${doc.number}`)}</title><style>${css}</style></head>
<body><article>
<p class="issuer">${escapeHtml(doc.issuer)}</p>
<h1 class="title">${escapeHtml(doc.title)}</h1>
<p class="number">${escapeHtml(doc.number)}</p>
${doc.blocks.map(block).join('\n')}
</article></body></html>
`;
}

function block(b: DocumentBlock): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p${b.indent === false ? '' : ' class="indent"'}>${escapeHtml(b.text)}</p>`;
    case 'heading':
      return `<h2>${escapeHtml(b.text)}</h2>`;
    case 'form':
      return `<table>${b.rows
        .map(
          (r) =>
            `<tr><th scope="row">${escapeHtml(r.label)}</th>${'value' in r ? `<td>${escapeHtml(r.value)}</td>` : '<td class="sign"></td>'}</tr>`,
        )
        .join('')}</table>`;
    case 'table':
      return `<table class="list"><thead><tr>${b.columns.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map(
          (r) =>
            `<tr>${r.cells.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>${r.note ? `<tr><td colspan="${b.columns.length}">${escapeHtml(r.note)}</td></tr>` : ''}`,
        )
        .join('')}</tbody></table>`;
    case 'signature':
      return `<div class="signature">${[...b.lines, ...(b.seal ? ['（印章）'] : [])].map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`;
  }
}
