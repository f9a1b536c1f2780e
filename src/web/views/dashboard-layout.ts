import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { Membership } from '../../core/tenants/tenant.js';
import type { Locale } from '../../core/types.js';
import type { DashboardLabels } from './dashboard-labels.js';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageFrame {
  l: DashboardLabels;
  locale: Locale;
  csrf: string;
  login: string;
  tenant: Membership;
  tenants: Membership[];
  /** The signed-in login also administers this installation's own rooms (`dashboard.admins`). */
  selfHosted: boolean;
  /** The current section, highlighted in the navigation. */
  section: 'rooms' | 'faq' | 'health' | 'self-hosted';
  flash?: string;
}

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;color:#1f2328;background:#f6f8fa}
header{background:#24292f;color:#fff;padding:.6rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
header a{color:#fff;text-decoration:none}header nav{display:flex;gap:.8rem;flex-wrap:wrap}header nav a[aria-current]{text-decoration:underline}
header .me{margin-left:auto;display:flex;gap:.5rem;align-items:center;flex-wrap:wrap}
main{max-width:960px;margin:0 auto;padding:1rem}section{background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:1rem;margin-bottom:1rem;overflow-x:auto}
h1{font-size:1.3rem;margin:.2rem 0 1rem}h2{font-size:1.1rem;margin:0 0 .6rem}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.4rem;border-bottom:1px solid #eaeef2;vertical-align:top}
input,textarea,select,button{font:inherit;padding:.35rem .5rem;border:1px solid #d0d7de;border-radius:6px;max-width:100%}
textarea{width:100%}th,button{white-space:nowrap}button{background:#1f883d;color:#fff;border-color:#1a7f37;cursor:pointer}button.plain{background:#f6f8fa;color:#24292f;border-color:#d0d7de}
form.inline{display:inline}.flash{background:#ddf4ff;border:1px solid #54aeff;padding:.6rem;border-radius:6px;margin-bottom:1rem}
code.bind{font-size:1.2rem;background:#fff8c5;padding:.2rem .4rem;border-radius:4px}.err{color:#cf222e;white-space:pre-wrap;word-break:break-word}
label{display:block;margin:.4rem 0}.row{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end}
@media (max-width:600px){th.wide,td.wide{display:none}main{padding:.5rem}}
`;

/** The hidden field every form carries: a forged cross-site request cannot know it. */
export const csrfField = (csrf: string) => html`<input type="hidden" name="_csrf" value="${csrf}">`;

function tenantSwitch(frame: PageFrame): Html {
  if (frame.tenants.length < 2) return html`<span>${frame.tenant.login}</span>`;
  const options = frame.tenants.map((t) => html`<option value="${t.id}" ${t.id === frame.tenant.id ? 'selected' : ''}>${t.login}</option>`);
  return html`<form class="inline" method="post" action="/dashboard/tenant">${csrfField(frame.csrf)}<select name="tenant" aria-label="${frame.l.tenant}">${options}</select><button class="plain">OK</button></form>`;
}

/** A dashboard page: header with navigation, tenant, language and sign-out; then `body`. */
export function dashboardPage(frame: PageFrame, heading: string, body: Html): Html {
  const { l } = frame;
  const link = (section: PageFrame['section'], label: string) =>
    html`<a href="/dashboard/${section}" ${section === frame.section ? html`aria-current="page"` : ''}>${label}</a>`;
  const other = frame.locale === 'en' ? 'zh-CN' : 'en';
  return html`<!doctype html>
<html lang="${frame.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${heading} · ${l.title}</title><style>${raw(STYLE)}</style></head>
<body><header><strong>${l.title}</strong><nav>${link('rooms', l.rooms)}${link('faq', l.faq)}${link('health', l.health)}${frame.selfHosted ? link('self-hosted', l.selfHosted) : ''}</nav>
<div class="me">${tenantSwitch(frame)}<a href="?lang=${other}">${l.language}</a>
<form class="inline" method="post" action="/auth/logout">${csrfField(frame.csrf)}<button class="plain">${l.signOut} (${frame.login})</button></form></div></header>
<main><h1>${heading}</h1>${frame.flash ? html`<p class="flash" role="status">${frame.flash}</p>` : ''}${body}</main></body></html>`;
}
