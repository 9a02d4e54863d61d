/** The service's clock (injected, so tests set the time). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;
