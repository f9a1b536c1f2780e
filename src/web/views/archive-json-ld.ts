import type { ConversationView } from '../../core/archive/archive-views.js';
import type { PageContext } from './archive-layout.js';

const MAX_TEXT = 5000;
const MAX_COMMENTS = 200;
const clip = (text: string) => ([...text].length > MAX_TEXT ? `${[...text].slice(0, MAX_TEXT).join('')}…` : text);
const person = (name: string) => ({ '@type': 'Person', name });

/** schema.org DiscussionForumPosting: the first message is the post, the others its comments. */
export function conversationJsonLd(ctx: PageContext, view: ConversationView): unknown {
  const [first, ...rest] = view.messages;
  const url = ctx.baseUrl ? `${ctx.baseUrl}/${view.room.id}/c/${view.number}/` : undefined;
  return {
    '@context': 'https://schema.org',
    '@type': 'DiscussionForumPosting',
    headline: view.title,
    ...(url ? { url, mainEntityOfPage: url } : {}),
    inLanguage: view.room.locale,
    datePublished: view.startedAt.toISOString(),
    dateModified: view.lastAt.toISOString(),
    ...(first ? { author: person(first.author), text: clip(first.text) } : {}),
    isPartOf: { '@type': 'WebPage', name: view.room.name },
    interactionStatistic: { '@type': 'InteractionCounter', interactionType: 'https://schema.org/CommentAction', userInteractionCount: rest.length },
    comment: rest.slice(0, MAX_COMMENTS).map((m) => ({ '@type': 'Comment', author: person(m.author), datePublished: m.ts.toISOString(), text: clip(m.text) })),
  };
}
