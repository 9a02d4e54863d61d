import { CaseRecord } from './case-record';
import { cause, issuingAgency, names, openedCase } from './case-parts';
import { chineseDate } from './chinese-numerals';
import { DocumentInput } from './document-input';
import { CaseDocument } from './document-model';
import { requireCaseKindNumber } from './document-numbers';
import { DocumentNotProducedError, Requirements } from './document-refusals';
import { addressOf, momentText, penaltyText } from './wording';

/**
 * 听证会通知书: the party asked for a hearing (行政处罚法第六十三条) and is told, at least seven days before it, its time
 * and place (第六十四条第二项); who presides, a person who did not investigate the case, and the right to ask for a
 * recusal (第四项); that it is held in public unless secrets or privacy are protected (第三项); that the party may attend
 * in person or through one or two agents (第五项), and that staying away without good reason forfeits it (第六项).
 */
export function hearingNotice(record: CaseRecord, input: DocumentInput): CaseDocument {
  const opened = openedCase(record, 'hearing-notice');
  const scheduled = record.hearingSchedule;
  if (!scheduled) throw new DocumentNotProducedError('hearing-notice', '尚未安排听证 (no hearing scheduled yet)', 'schedule-hearing');
  const req = new Requirements('hearing-notice');
  const agency = issuingAgency(record, input, req);
  const number = requireCaseKindNumber(record.filed?.data.caseNo, agency, 'hearingNotice', req);
  const presiding = names([scheduled.data.presidingOfficerId], input, req);
  req.require(!!record.hearingRequest, 'hearingRequest', '当事人的听证申请');
  req.require(!!record.notice, 'notice', '行政处罚告知');
  req.done();

  const you = addressOf(opened.party);
  const proposed = record.notice!.data.proposedPenalties.map(penaltyText).join('、');
  return {
    kind: 'hearing-notice',
    issuer: agency.name,
    title: '听证会通知书',
    number,
    date: scheduled.on,
    blocks: [
      { kind: 'paragraph', text: `${opened.party.name}：`, indent: false },
      {
        kind: 'paragraph',
        text: `根据${you}于${chineseDate(record.hearingRequest!.on)}提出的听证申请，依照《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，本机关决定就拟对${you}${cause(opened)}一案作出的行政处罚（${proposed}）举行听证会。现将有关事项通知如下：`,
      },
      {
        kind: 'form',
        rows: [
          { label: '听证时间', value: momentText(scheduled.data.hearingAt) },
          { label: '听证地点', value: scheduled.data.location },
          { label: '听证主持人', value: presiding },
        ],
      },
      { kind: 'paragraph', text: '除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行。' },
      {
        kind: 'paragraph',
        text: `${you}可以亲自参加听证，也可以委托一至二人代理；委托代理人参加的，应当提交授权委托书。${you}认为主持人与本案有直接利害关系的，有权申请回避。`,
      },
      {
        kind: 'paragraph',
        text: `${you}及代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本机关终止听证。`,
      },
      { kind: 'signature', lines: [agency.name, chineseDate(scheduled.on)], seal: true },
    ],
  };
}
