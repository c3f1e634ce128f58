/**
 * Facts that can change over time (an office, a population, a membership): they must carry dates,
 * and an open-ended one may have gone out of date. Runtime (the card says when such a fact was last
 * confirmed) and build time (the audit, npm run data:stale).
 */
import type { Fact } from './validate';

/** Labels of facts that can change over time, so they must carry `from`, `to` or `asOf`. */
const VOLATILE_LABEL =
  /\b(president|prime minister|premier|chancellor|leader|head|chair|chairman|chairwoman|chief|ceo|secretary|general secretary|governor|mayor|monarch|king|queen|emir|sultan|emperor|pope|minister|director|editor|owner|speaker|commander|population|gdp|members?|membership|users|employees|staff|revenue|market cap|budget|capacity|production|output|seats|strength|troops|fighters|personnel|casualties|deaths|cases|ranking|rank|stake|shareholders?|holders?|incumbent|office|role|position|term|status)\b/i;

export function isVolatileFact(fact: Fact): boolean {
  return VOLATILE_LABEL.test(fact.label);
}

/** A fact that still holds as far as the data says, so it may have changed since: a volatile fact with `from` and no `to`, or any fact with `asOf` and no `to`. */
export function isOpenEnded(fact: Fact): boolean {
  if (fact.to) return false;
  return Boolean(fact.asOf) || (Boolean(fact.from) && isVolatileFact(fact));
}
