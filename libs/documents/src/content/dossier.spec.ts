import { CaseEvent } from '@workflows/enforcement-case';
import { measureEvents, measuresInput } from '../testing/sample-measures';
import { documentText } from '../testing/document-text';
import { DocumentBlock } from './document-model';
import { DocumentNotProducedError } from './document-refusals';
import { buildDossier } from './dossier';
import { dossierDocuments } from './dossier-documents';
import { DossierPart, dossierContents, shanghaiMinute } from './dossier-parts';
import { DOSSIER_RETENTION } from './dossier-retention';
import { sampleDossierInput, sampleEvents, sampleHash, sampleInput, withCertificates } from '../testing/sample-case';

/** The text of a part's blocks, row by row (what any renderer must show). */
function text(part: Pick<DossierPart, 'blocks'>): string {
  const out: string[] = [];
  const add = (b: DocumentBlock) => {
    if (b.kind === 'form') out.push(...b.rows.map((r) => `${r.label}：${'value' in r ? r.value : ''}`));
    else if (b.kind === 'table') out.push(...b.rows.flatMap((r) => [r.cells.join('|'), ...(r.note ? [r.note] : [])]));
    else if (b.kind === 'signature') out.push(...b.lines);
    else out.push(b.text);
  };
  part.blocks.forEach(add);
  return out.join('\n');
}

describe('the case file (案卷) from the events', () => {
  it('cover: agency, case number, party, cause, dates, retention, 立卷人 and 审核人 from the events', () => {
    const dossier = buildDossier(sampleDossierInput());
    expect(dossier).toMatchObject({ issuer: '北湖区应急管理局', caseNo: '北应急立〔2026〕3号', date: '2026-09-28' });
    expect(dossier.cover).toMatchObject({ issuer: '北湖区应急管理局', title: '行政处罚案卷', number: '北应急立〔2026〕3号' });
    expect(text(dossier.cover).split('\n')).toEqual([
      '案号：北应急立〔2026〕3号',
      '案由：超量储存危险化学品',
      '当事人：郴州市某化工有限公司',
      '立案日期：二〇二六年九月二日',
      '结案日期：二〇二六年九月二十八日',
      `保管期限：${DOSSIER_RETENTION.thirtyYears}`,
      '立卷人：李执法',
      '审核人：赵局长',
    ]);
  });

  it('retention: permanent for a major case, ten years without a penalty decision', () => {
    const major = sampleEvents();
    const opened = major[0] as { data: { major: boolean } };
    opened.data = { ...opened.data, major: true };
    expect(text(buildDossier(sampleDossierInput(major)).cover)).toContain(`保管期限：${DOSSIER_RETENTION.permanent}`);
    const open = sampleEvents('PenaltyNoticeServed');
    const cover = text(buildDossier(sampleDossierInput(open)).cover);
    expect(cover).toContain(`保管期限：${DOSSIER_RETENTION.tenYears}`);
    expect(cover).toContain('结案日期：（未结案）');
    expect(cover).toContain('审核人：（未结案）');
  });

  it('binds every document the case has produced, in procedural order, then the evidence, history and integrity', () => {
    const titles = buildDossier(sampleDossierInput()).parts.map((p) => `${p.title} ${p.number}`);
    expect(titles).toEqual([
      '立案审批表 北应急立〔2026〕3号',
      '现场检查记录 北应急立〔2026〕3号',
      '行政处罚告知书 北应急罚告〔2026〕3号',
      '行政处罚决定书 北应急罚〔2026〕7号',
      '送达回证 北应急罚〔2026〕7号',
      '结案审批表 北应急立〔2026〕3号',
      '证据清单 ',
      '附录：案件事件记录 ',
      '完整性校验 ',
    ]);
    // Before the notice, only the filing approval and the inspection record have been produced.
    expect(dossierDocuments(withCertificates(sampleInput(sampleEvents('InvestigationConcluded')))).map((d) => d.kind)).toEqual([
      'filing-approval',
      'inspection-record',
    ]);
  });

  it('refuses a case that has not been filed on: it has no number and no file', () => {
    expect(() => buildDossier(sampleDossierInput(sampleEvents('CaseOpened')))).toThrow(DocumentNotProducedError);
  });

  it('卷内目录: 序号, 文书名称, 文号, 日期 and the 页号 given', () => {
    const { parts } = buildDossier(sampleDossierInput());
    const contents = dossierContents(
      parts,
      parts.map((_, i) => String(3 + i)),
    );
    expect(contents.columns.map((c) => c.label)).toEqual(['序号', '文书名称', '文号', '日期', '页号']);
    expect(contents.rows[3].cells).toEqual(['4', '行政处罚决定书', '北应急罚〔2026〕7号', '2026-09-21', '6']);
    expect(contents.rows[6].cells).toEqual(['7', '证据清单', '—', '2026-09-03', '9']);
  });

  it('evidence list: kind, title, officers, day and content hash', () => {
    const evidence = buildDossier(sampleDossierInput()).parts.find((p) => p.title === '证据清单')!;
    expect(text(evidence)).toBe(`1|现场检查笔录|现场检查记录|李执法、张执法|2026-09-03\n内容哈希（SHA-256）：${'a'.repeat(64)}`);
  });

  it('event history: every event with its Shanghai time, Chinese name, actor and hash', () => {
    const history = buildDossier(sampleDossierInput()).parts.find((p) => p.title === '附录：案件事件记录')!;
    const lines = text(history).split('\n');
    expect(lines[0]).toContain('共9条');
    expect(lines.slice(1, 5)).toEqual([
      '1|2026-09-01 10:00|立案申请|李执法',
      `事件哈希：${sampleHash('event 0')}`,
      '2|2026-09-02 10:00|批准立案|赵局长',
      `事件哈希：${sampleHash('event 1')}`,
    ]);
    expect(lines.at(-2)).toBe('9|2026-09-28 10:00|结案|赵局长');
    expect(shanghaiMinute('2026-09-27T17:30:00Z')).toBe('2026-09-28 01:30');
  });

  it('integrity page: the head hash and the anchor covering it, or that none does yet', () => {
    const page = text(buildDossier(sampleDossierInput()).parts.at(-1)!);
    expect(page).toContain('9条（末事件为第9条，全局位置 49）');
    expect(page).toContain(sampleHash('event 8'));
    expect(page).toContain(`第4号锚点，全局位置 60，2026-09-30 09:00 记录`);
    expect(page).toContain(sampleHash('anchor 4'));
    expect(text(buildDossier(sampleDossierInput(sampleEvents(), null)).parts.at(-1)!)).toContain('尚无覆盖本案末事件的锚点');
    const noChain = { ...sampleDossierInput(), chain: { hashes: null, headPosition: '9', anchor: null } };
    expect(text(buildDossier(noChain).parts.at(-1)!)).toContain('该事件存储不保存哈希链');
  });

  it('reads only the events: the same events give the same file', () => {
    const events: CaseEvent[] = sampleEvents();
    expect(JSON.stringify(buildDossier(sampleDossierInput(events)))).toBe(JSON.stringify(buildDossier(sampleDossierInput(events))));
  });

  it('binds each issued occurrence of a repeatable kind as issued, then its latest occurrence if not issued', () => {
    const meta = (date: string) => ({ actorId: 'u-officer-1', occurredAt: `${date}T10:00:00+08:00`, recordedAt: `${date}T10:00:00+08:00` });
    const issued = (number: string, revision: number): CaseEvent => ({
      type: 'DocumentIssued',
      data: { kind: 'rectification-order', number, format: 'pdf', sha256: 'e'.repeat(64), revision },
      meta: meta('2026-09-03'),
    });
    const upToOrder = measureEvents('RectificationOrdered');
    const order = upToOrder[upToOrder.length - 1] as Extract<CaseEvent, { type: 'RectificationOrdered' }>;
    const events: CaseEvent[] = [
      ...upToOrder,
      issued('北应急责改〔2026〕1号', upToOrder.length - 1),
      {
        type: 'ReinspectionRecorded',
        data: { officerIds: ['u-officer-1'], result: 'failed', findings: '未整改' },
        meta: meta('2026-09-21'),
      },
      { type: 'RectificationFailed', data: { orderId: 'r-1' }, meta: meta('2026-09-21') },
      { ...order, data: { ...order.data, orderId: 'r-2', deadline: '2026-10-10' }, meta: meta('2026-09-22') },
    ];
    const orders = (evs: CaseEvent[]) =>
      dossierDocuments(measuresInput(evs))
        .filter((d) => d.kind === 'rectification-order')
        .map((d) => `${d.number} ${d.date} ${documentText(d).includes('二〇二六年十月十日前') ? '十月十日' : '九月二十日'}`);
    expect(orders(events)).toEqual(['北应急责改〔2026〕1号 2026-09-03 九月二十日', '北应急责改〔2026〕3号 2026-09-22 十月十日']);
    const both = [...events, { ...issued('北应急责改〔2026〕2号', events.length - 1), meta: meta('2026-09-22') }];
    expect(orders(both)).toEqual(['北应急责改〔2026〕1号 2026-09-03 九月二十日', '北应急责改〔2026〕2号 2026-09-22 十月十日']);
  });
});
