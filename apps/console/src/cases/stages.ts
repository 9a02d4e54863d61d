import { STAGES, type Stage } from '@workflows/enforcement-case/stage';

/** A stage's Chinese name, from the engine's own stage vocabulary (the one the API reports). */
export function stageName(stage: string): string {
  return (STAGES as Record<string, { zh: string }>)[stage]?.zh ?? stage;
}

export const STAGE_OPTIONS = (Object.keys(STAGES) as Stage[]).map((s) => ({ value: s, label: STAGES[s].zh }));

const CLOSED: readonly string[] = ['notFiled', 'closed', 'transferred', 'revoked', 'executed'];
export const stageColor = (stage: string) => (CLOSED.includes(stage) ? 'default' : 'processing');
