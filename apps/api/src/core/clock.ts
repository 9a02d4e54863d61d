import { Provider } from '@nestjs/common';

/** The service's clock (injected, so tests set the time). */
export const CLOCK = Symbol('CLOCK');
export type Clock = () => Date;

export const clockProvider: Provider = { provide: CLOCK, useValue: (() => new Date()) as Clock };
