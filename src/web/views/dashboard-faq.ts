import { html } from 'hono/html';
import type { StoredFaqEntry } from '../../core/faq/faq-entry.js';
import { csrfField, dashboardPage, type Html, type PageFrame } from './dashboard-layout.js';

function entryRow(frame: PageFrame, entry: StoredFaqEntry): Html {
  const { l } = frame;
  return html`<tr data-faq="${entry.id}"><td><strong>${entry.questions[0] ?? ''}</strong>${entry.questions.length > 1 ? html`<br><small>+${entry.questions.length - 1}</small>` : ''}</td>
<td class="wide">${entry.answer}</td><td>${entry.helpful} / ${entry.notHelpful}</td><td class="wide">${entry.hits}</td>
<td><a href="/dashboard/faq/${encodeURIComponent(entry.id)}/edit">${l.edit}</a>
<form class="inline" method="post" action="/dashboard/faq/${encodeURIComponent(entry.id)}/delete">${csrfField(frame.csrf)}<button class="plain">${l.delete}</button></form></td></tr>`;
}

/** The add/edit form; `entry` absent for a new one. */
export function faqForm(frame: PageFrame, entry?: StoredFaqEntry): Html {
  const { l } = frame;
  return html`<form method="post" action="/dashboard/faq">${csrfField(frame.csrf)}${entry ? html`<input type="hidden" name="id" value="${entry.id}">` : ''}
<label>${l.question}<textarea name="questions" rows="3" required>${entry?.questions.join('\n') ?? ''}</textarea></label>
<label>${l.answer}<textarea name="answer" rows="4" required>${entry?.answer ?? ''}</textarea></label>
<label>${l.url}<br><input name="url" type="url" value="${entry?.url ?? ''}"></label>
<label>${l.tags}<br><input name="tags" value="${entry?.tags.join(' ') ?? ''}"></label>
<button>${entry ? l.save : l.add}</button></form>`;
}

/** The tenant's knowledge base with votes and hits, the add form and the import box. */
export function faqPage(frame: PageFrame, entries: StoredFaqEntry[]): Html {
  const { l } = frame;
  const table = entries.length
    ? html`<table><thead><tr><th>${l.question}</th><th class="wide">${l.answer}</th><th>${l.votes}</th><th class="wide">${l.hits}</th><th></th></tr></thead>
<tbody>${entries.map((entry) => entryRow(frame, entry))}</tbody></table>`
    : html`<p>${l.noFaq}</p>`;
  return dashboardPage(frame, l.faq, html`<section>${table}</section><section><h2>${l.add}</h2>${faqForm(frame)}</section>
<section><h2>${l.importTitle}</h2><form method="post" action="/dashboard/faq/import">${csrfField(frame.csrf)}
<label>${l.importFormat} <select name="format"><option value="yaml">YAML</option><option value="csv">CSV</option><option value="markdown">Markdown</option></select></label>
<textarea name="text" rows="6" required></textarea><button>${l.import}</button></form></section>`);
}

export function faqEditPage(frame: PageFrame, entry: StoredFaqEntry): Html {
  return dashboardPage(frame, `${frame.l.edit}: ${entry.questions[0] ?? entry.id}`, html`<section>${faqForm(frame, entry)}</section>`);
}
