import { dropoutCasesRouter } from './cases.ts';
import { dropoutReturnsRouter } from './returns.ts';

/** 控辍保学: the ledger (`funding.dropout.*`) and its returns (`funding.dropout.returns.*`). */
export const dropoutRouter = { ...dropoutCasesRouter, returns: dropoutReturnsRouter };
export { migrantRouter } from './migrant.ts';
export { dropoutKpis } from './kpis.ts';
