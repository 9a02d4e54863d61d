import { Link } from 'react-router';
import { Table, Tag } from 'antd';
import type { DeadlineItem } from '../api/types';

/** How a deadline's remaining time reads: missed in red, soon due in amber, with working days left. */
export function DeadlineTag({ d }: { d: DeadlineItem }) {
  const days = d.workingDaysLeft;
  if (d.status === 'overdue')
    return (
      <Tag color="error" data-deadline-status="overdue">
        已逾期{days !== null && days < 0 ? ` ${-days} 个工作日` : ''}
      </Tag>
    );
  return (
    // Amber dark enough for white text (WCAG AA contrast); antd's light "warning" preset is not.
    <Tag color="#ad4e00" data-deadline-status="soon">
      {days === 0 ? '今日届满' : `剩余 ${days ?? '?'} 个工作日`}
    </Tag>
  );
}

/** Deadlines still owed, each linking to its case; the name and legal basis come from the API (the rules catalogue). */
export function DeadlineList({ items, label, empty }: { items: DeadlineItem[] | null; label: string; empty: string }) {
  return (
    <Table<DeadlineItem>
      aria-label={label}
      rowKey={(d) => `${d.caseId}:${d.kind}`}
      size="small"
      loading={!items}
      dataSource={items ?? []}
      pagination={false}
      locale={{ emptyText: empty }}
      rowClassName={(d) => `deadline-${d.status}`}
      columns={[
        {
          title: '案件编号',
          dataIndex: 'caseNo',
          render: (no: string | null, d) => <Link to={`/cases/${d.caseId}`}>{no ?? '待立案'}</Link>,
        },
        { title: '当事人', dataIndex: ['party', 'name'] },
        { title: '期限', dataIndex: ['name', 'zh'] },
        { title: '法律依据', dataIndex: 'basis' },
        { title: '届满日', dataIndex: 'dueDate' },
        { title: '状态', key: 'status', render: (_: unknown, d) => <DeadlineTag d={d} /> },
      ]}
    />
  );
}
