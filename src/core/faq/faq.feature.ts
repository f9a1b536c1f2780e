import type { Feature } from '../bot.js';
import type { ChatContext } from '../context.js';
import { askInRoom } from '../tenants/tenant-faq-scope.js';
import { looksLikeQuestion } from './looks-like-question.js';
import type { FaqCandidate } from './types.js';

function answerText(match: FaqCandidate): string {
  return match.url ? `${match.answer}\n${match.url}` : match.answer;
}

async function answerInGroup(ctx: ChatContext): Promise<boolean> {
  const faq = ctx.services.faq!;
  if (!looksLikeQuestion(ctx.message.text)) return false;
  await faq.refresh?.();
  const { match } = askInRoom(faq, ctx.message.text, await ctx.store.tenants.tenantOfRoom(ctx.room.id));
  if (!match) return false;
  const last = await ctx.store.faq.lastAnswer(ctx.room.id, match.id);
  if (last && Date.now() - last.getTime() < faq.settings.cooldownMs) return false;
  await ctx.reply(answerText(match));
  await ctx.store.faq.recordAnswer(ctx.room.id, match.id, ctx.message.text);
  await ctx.store.faq.countHit(match.id);
  return true;
}

/** In a direct chat the best answer is always given, or the way to ask people instead. */
async function answerDirectly(ctx: ChatContext): Promise<void> {
  await ctx.services.faq!.refresh?.();
  const [best] = askInRoom(ctx.services.faq!, ctx.message.text, null).candidates;
  if (!best || best.score < 0.3) return ctx.reply(ctx.t('faq.unknown'));
  await ctx.reply(answerText(best));
  await ctx.store.faq.countHit(best.id);
}

/** Answers repeated questions from the knowledge base, only when confident. */
export const faqFeature: Feature = {
  name: 'faq',
  async middleware(ctx, next) {
    if (!ctx.services.faq) return next();
    if (ctx.room.kind === 'direct') return answerDirectly(ctx);
    if (!(await answerInGroup(ctx))) await next();
  },
};
