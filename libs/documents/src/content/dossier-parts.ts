import { parseInstant } from '@app/calendar';
import { CaseEvent, EVENT_TYPE_NAMES, EVIDENCE_KIND_NAMES } from '@workflows/enforcement-case';
import { CaseRecord } from './case-record';
import { cause } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument, DocumentBlock, TableRow } from './document-model';
import { DossierChain } from './dossier-input';
import { DossierRetention } from './dossier-retention';

/** A part of the 案卷 as it is bound and listed in the 卷内目录: a document, or one of the file's own sheets. */
export type DossierPart = Pick<CaseDocument, 'issuer' | 'title' | 'number' | 'blocks' | 'date'>;

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** A moment as the appendix lists it, in Asia/Shanghai (UTC+8 all year): 2026-09-22 10:00. */
export function shanghaiMinute(iso: string): string {
  const ms = parseInstant(iso);
  return ms === null ? iso : new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** A person the events name, by the registry's name; an actor the registry does not know (the system) by its id. */
function personName(id: string, input: DocumentInput): string {
  return input.registry.person(id)?.name ?? id;
}

/** What the cover says, read from the events by the 案卷 builder. */
export interface CoverFacts {
  issuer: string;
  caseNo: string;
  retention: DossierRetention;
  /** 立卷人: the lead handling officer, who assembles the file. */
  compiler: string;
  /** 审核人: who approved the closing (结案审批), or null while the case is open. */
  reviewer: string | null;
}

/** 卷宗封面: agency, case number, party, cause, the dates the case was filed and closed, 保管期限, 立卷人 and 审核人. */
export function dossierCover(record: CaseRecord, facts: CoverFacts): DossierPart {
  const opened = record.opened!.data;
  const open = '（未结案）';
  return {
    issuer: facts.issuer,
    title: '行政处罚案卷',
    number: facts.caseNo,
    date: record.closed?.on ?? record.filed!.on,
    blocks: [
      {
        kind: 'form',
        rows: [
          { label: '案号', value: facts.caseNo },
          { label: '案由', value: cause(opened) },
          { label: '当事人', value: opened.party.name },
          { label: '立案日期', value: chineseDate(record.filed!.on) },
          { label: '结案日期', value: record.closed ? chineseDate(record.closed.on) : open },
          { label: '保管期限', value: facts.retention },
          { label: '立卷人', value: facts.compiler },
          { label: '审核人', value: facts.reviewer ?? open },
        ],
      },
    ],
  };
}

type TableBlock = Extract<DocumentBlock, { kind: 'table' }>;

/** A list of the file (目录, 清单, 记录): a ruled table whose rows are numbered down its first column, 序号. */
function numberedTable(columns: readonly [label: string, weight: number][], rows: readonly TableRow[]): TableBlock {
  return {
    kind: 'table',
    columns: [{ label: '序号', weight: 0.7 }, ...columns.map(([label, weight]) => ({ label, weight }))],
    rows: rows.map((r, i) => ({ ...r, cells: [String(i + 1), ...r.cells] })),
  };
}

/** 卷内目录: 序号, 文书名称, 文号, 日期 and 页号 of each part; the pages are known only once the parts are laid out. */
export function dossierContents(parts: readonly DossierPart[], pages: readonly string[]): TableBlock {
  return numberedTable(
    [
      ['文书名称', 2.4],
      ['文号', 2.4],
      ['日期', 1.6],
      ['页号', 0.8],
    ],
    parts.map((p, i) => ({ cells: [p.title, p.number || '—', p.date, pages[i] ?? ''] })),
  );
}

/** 证据清单: each piece of evidence recorded, with its kind, the officers who took it, the day, and its SHA-256. */
export function evidenceList(record: CaseRecord, input: DocumentInput, issuer: string): DossierPart {
  const rows: TableRow[] = record.evidence.map((e) => ({
    cells: [
      EVIDENCE_KIND_NAMES[e.data.kind]?.zh ?? e.data.kind,
      e.data.title,
      e.data.officerIds.map((id) => personName(id, input)).join('、'),
      e.on,
    ],
    note: `内容哈希（SHA-256）：${e.data.contentHash}`,
  }));
  return {
    issuer,
    title: '证据清单',
    number: '',
    date: record.evidence.at(-1)?.on ?? record.filed!.on,
    blocks: rows.length
      ? [
          numberedTable(
            [
              ['证据种类', 1.6],
              ['证据名称', 2.6],
              ['取证人员', 1.6],
              ['取证日期', 1.5],
            ],
            rows,
          ),
        ]
      : [{ kind: 'paragraph', text: '本案未登记证据。' }],
  };
}

/** 附录 案件事件记录: every event of the stream in order, with its time, what it records, who took it and its hash. */
export function eventHistory(events: readonly CaseEvent[], chain: DossierChain, input: DocumentInput, issuer: string): DossierPart {
  const names = EVENT_TYPE_NAMES as Record<string, { zh: string } | undefined>;
  return {
    issuer,
    title: '附录：案件事件记录',
    number: '',
    date: events.length ? shanghaiMinute(events[events.length - 1].meta.occurredAt).slice(0, 10) : '',
    blocks: [
      {
        kind: 'paragraph',
        text: `本案全部事件按记录顺序列出，共${events.length}条。时间为北京时间；事件哈希为该事件在本案哈希链中的 SHA-256 值。`,
      },
      numberedTable(
        [
          ['时间', 1.8],
          ['事项', 3],
          ['操作人', 1.5],
        ],
        events.map((e, i) => ({
          cells: [shanghaiMinute(e.meta.occurredAt), names[e.type]?.zh ?? e.type, personName(e.meta.actorId, input)],
          note: chain.hashes ? `事件哈希：${chain.hashes[i]}` : undefined,
        })),
      ),
    ],
  };
}

/** 完整性校验: the stream's head hash, which covers every event before it, and the anchor that covers the head. */
export function integrityPage(events: readonly CaseEvent[], chain: DossierChain, issuer: string, date: string): DossierPart {
  const head = chain.hashes?.[chain.hashes.length - 1];
  const rows: TableRow[] = [
    { cells: ['事件数', `${events.length}条（末事件为第${events.length}条，全局位置 ${chain.headPosition}）`] },
    head
      ? { cells: ['末事件哈希', '本案哈希链的末端（SHA-256）：'], note: head }
      : { cells: ['末事件哈希', '该事件存储不保存哈希链 (this event store keeps no hash chain)'] },
    chain.anchor
      ? {
          cells: [
            '锚点',
            `第${chain.anchor.seq}号锚点，全局位置 ${chain.anchor.position}，${shanghaiMinute(chain.anchor.createdAt)} 记录，其全局哈希：`,
          ],
          note: chain.anchor.globalHash,
        }
      : { cells: ['锚点', '尚无覆盖本案末事件的锚点 (no anchor covers the last event yet)'] },
  ];
  return {
    issuer,
    title: '完整性校验',
    number: '',
    date,
    blocks: [
      {
        kind: 'table',
        columns: [
          { label: '项目', weight: 1 },
          { label: '内容', weight: 5 },
        ],
        rows,
      },
      {
        kind: 'paragraph',
        text: '每个事件的哈希由前一事件的哈希和本事件的内容计算（SHA-256 哈希链），改动、删除或插入任何一条事件都会改变其后的哈希，末事件哈希因此涵盖本案全部事件。锚点是全局哈希链在某一位置的哈希，导出并另行保存；位置不小于本案末事件的锚点即覆盖本案。校验方法：GET /api/v1/integrity/verify 或 npm run verify。',
      },
    ],
  };
}
