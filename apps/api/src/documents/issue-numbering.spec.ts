import { CaseDocument, DEFAULT_DOCUMENT_NUMBER_FORMATS, DOCUMENT_KINDS } from '@app/documents';
import { issueNumbering } from './issue-numbering';

const doc = (kind: CaseDocument['kind']): CaseDocument => ({ kind, issuer: '', title: '', number: '案号', blocks: [], date: '2026-01-05' });

describe('issueNumbering', () => {
  it('gives every kind code of its own (罚告, 听通, 责改 …) a series of its own, and each series to one kind', () => {
    const own = DOCUMENT_KINDS.map((k) => issueNumbering(doc(k))).flatMap((n) => ('series' in n ? [n.series] : []));
    const codes = Object.keys(DEFAULT_DOCUMENT_NUMBER_FORMATS).filter((s) => s !== 'case' && s !== 'decision');
    expect([...own].sort()).toEqual([...codes].sort());
  });

  it('keeps the number a document bears when it has no code of its own (the 决定书 its decision number)', () => {
    expect(issueNumbering(doc('penalty-decision'))).toEqual({ number: '案号' });
  });
});
