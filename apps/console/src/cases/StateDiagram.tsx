import { Descriptions, Typography } from 'antd';
import { activeStateIds } from '@workflows/enforcement-case/diagram/active-states';
import type { StateOutline } from '@workflows/enforcement-case/diagram/outline';
import type { CaseView } from '../api/types';
import outlineJson from './machine-outline.json';

/** Written by the console's build from the machine itself (apps/console/scripts/write-machine-outline.js). */
const OUTLINE = outlineJson as StateOutline[];

const BOX_W = 150;
const BOX_H = 40;
const CHIP_H = 20;
const GAP = 14;
const LANE_LABEL_W = 96;
const PER_ROW = 6;
const BADGE_H = 16;

/** The box's name without its parenthesised detail (the full name is the box's tooltip). */
const shortName = (zh: string) => zh.replace(/（.*）$/, '');

/**
 * The boxes a region's lane shows: a state whose children are all simple is one box listing them; a state with
 * compound children (办理中) is opened up so its stages stand in the lane themselves.
 */
function boxesOf(node: StateOutline): StateOutline[] {
  return node.states.flatMap((s) => (s.states.some((c) => c.states.length) ? boxesOf(s) : [s]));
}

interface Placed {
  node: StateOutline;
  x: number;
  y: number;
  h: number;
}

interface Lane {
  region: StateOutline;
  y: number;
  h: number;
  boxes: Placed[];
}

function layout(): { lanes: Lane[]; width: number; height: number } {
  const lanes: Lane[] = [];
  let y = 0;
  for (const region of OUTLINE) {
    const boxes: Placed[] = [];
    const nodes = boxesOf(region);
    let rowY = y + BADGE_H + GAP / 2;
    for (let i = 0; i < nodes.length; i += PER_ROW) {
      const row = nodes.slice(i, i + PER_ROW);
      const rowH = Math.max(...row.map((n) => BOX_H + n.states.length * CHIP_H));
      row.forEach((node, j) => {
        boxes.push({ node, x: LANE_LABEL_W + j * (BOX_W + GAP), y: rowY, h: BOX_H + node.states.length * CHIP_H });
      });
      rowY += rowH + BADGE_H + GAP;
    }
    lanes.push({ region, y, h: rowY - y, boxes });
    y = rowY + GAP / 2;
  }
  return { lanes, width: LANE_LABEL_W + PER_ROW * (BOX_W + GAP), height: y };
}

const LAYOUT = layout();
const byId = new Map<string, StateOutline>();
const index = (n: StateOutline) => {
  byId.set(n.id, n);
  n.states.forEach(index);
};
OUTLINE.forEach(index);

/** The innermost active state of a region, as "案件审理 › 已告知". */
function currentPath(region: StateOutline, active: Set<string>): StateOutline[] {
  const path: StateOutline[] = [];
  let node: StateOutline | undefined = region;
  while (node) {
    node = node.states.find((s) => active.has(s.id));
    // 办理中 only groups the stages; the stage itself is what a reader looks for.
    if (node && !(node.states.length && node.states.some((c) => c.states.length))) path.push(node);
  }
  return path;
}

/**
 * 状态图: the procedure and the tracks that run beside it (办案期限, 整改复查, 查封扣押), each state of the machine a
 * box; the states the case is in have a bold border, a filled background and a 「当前」 label (not colour alone).
 */
export function StateDiagram({ state }: { state: CaseView['state'] }) {
  const active = new Set(activeStateIds(state));
  const current = OUTLINE.map((r) => ({ region: r, path: currentPath(r, active) }));
  const summary = current.map(({ region, path }) => `${region.zh}：${path.map((n) => shortName(n.zh)).join(' › ') || '—'}`).join('；');
  const procedureLeaf = current[0]?.path.at(-1);
  const next = (procedureLeaf?.next ?? []).concat(current[0]?.path.length ? (current[0].path[0].next ?? []) : []);
  const nextNames = [...new Set(next)].map((id) => byId.get(id)).filter((n): n is StateOutline => !!n && n.id !== procedureLeaf?.id);

  return (
    <section aria-labelledby="state-diagram-title">
      <Typography.Title level={2} id="state-diagram-title" style={{ fontSize: 18, marginTop: 24 }}>
        状态图
      </Typography.Title>
      <div style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-labelledby="state-diagram-svg-title state-diagram-svg-desc"
          viewBox={`0 0 ${LAYOUT.width} ${LAYOUT.height}`}
          style={{ width: '100%', minWidth: 720, maxWidth: LAYOUT.width, fontFamily: 'inherit' }}
          data-testid="state-diagram"
        >
          <title id="state-diagram-svg-title">案件状态图</title>
          <desc id="state-diagram-svg-desc">{`当前状态 —— ${summary}`}</desc>
          {LAYOUT.lanes.map((lane, li) => (
            <g key={lane.region.id} data-region={lane.region.id} data-parallel-track={li > 0 ? 'true' : undefined}>
              <rect
                x={1}
                y={lane.y + 1}
                width={LAYOUT.width - 2}
                height={lane.h - 2}
                rx={6}
                fill={li === 0 ? '#fafafa' : '#ffffff'}
                stroke="#8c8c8c"
                strokeDasharray={li === 0 ? undefined : '6 4'}
              />
              <text x={10} y={lane.y + 24} fontSize={14} fontWeight={600} fill="#262626">
                {lane.region.zh}
              </text>
              {li > 0 && (
                <text x={10} y={lane.y + 42} fontSize={12} fill="#595959">
                  并行
                </text>
              )}
              {lane.boxes.map(({ node, x, y, h }) => {
                const lit = active.has(node.id);
                return (
                  <g key={node.id} data-state={node.id} data-current={lit ? 'true' : undefined}>
                    <title>{node.zh}</title>
                    {lit && (
                      <>
                        <rect x={x} y={y - BADGE_H} width={40} height={BADGE_H} rx={3} fill="#0958d9" />
                        <text x={x + 20} y={y - 4} fontSize={11} textAnchor="middle" fill="#ffffff" data-current-label="">
                          当前
                        </text>
                      </>
                    )}
                    <rect
                      x={x}
                      y={y}
                      width={BOX_W}
                      height={h}
                      rx={6}
                      fill={lit ? '#e6f4ff' : '#ffffff'}
                      stroke={lit ? '#0958d9' : '#8c8c8c'}
                      strokeWidth={lit ? 3 : 1}
                    />
                    <text
                      x={x + BOX_W / 2}
                      y={y + 25}
                      fontSize={13}
                      textAnchor="middle"
                      fontWeight={lit ? 700 : 400}
                      fill="#262626"
                      data-state-label=""
                    >
                      {shortName(node.zh)}
                    </text>
                    {node.states.map((child, ci) => {
                      const on = active.has(child.id);
                      return (
                        <text
                          key={child.id}
                          data-state={child.id}
                          data-current={on ? 'true' : undefined}
                          x={x + BOX_W / 2}
                          y={y + BOX_H + ci * CHIP_H + 10}
                          fontSize={12}
                          textAnchor="middle"
                          fontWeight={on ? 700 : 400}
                          fill={on ? '#0958d9' : '#595959'}
                        >
                          {on ? `▶ ${shortName(child.zh)}（当前）` : shortName(child.zh)}
                        </text>
                      );
                    })}
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      </div>
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }} data-testid="current-states">
        {current.map(({ region, path }) => (
          <Descriptions.Item key={region.id} label={region.zh}>
            {path.map((n) => shortName(n.zh)).join(' › ') || '—'}
          </Descriptions.Item>
        ))}
        <Descriptions.Item label="下一步可能进入">{nextNames.map((n) => shortName(n.zh)).join('、') || '—'}</Descriptions.Item>
      </Descriptions>
      <div role="region" aria-label="状态图图例" tabIndex={0} className="state-diagram-legend" data-testid="state-diagram-legend">
        <Typography.Text strong>图例：</Typography.Text>
        <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
          <li>粗边框、浅蓝底并标「当前」：案件目前所处的状态；框内「▶ …（当前）」为其中的具体环节。</li>
          <li>实线框：办案程序（立案、调查、审理、决定、执行、结案等主线）。</li>
          <li>虚线框并标「并行」：与办案程序同时进行的程序——办案期限的计时与中止、责令整改与复查、查封扣押。</li>
        </ul>
      </div>
    </section>
  );
}
