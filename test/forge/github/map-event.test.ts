import { describe, expect, it } from 'vitest';
import { mapGitHubEvent } from '../../../src/forge/github/map-event.js';
import { EXAMPLES, HANDLED_ACTIONS, examplePayload, firstExample } from './examples.js';
import { FEATURES, type Payload, at, eventOf, reasonOf } from './map-helpers.js';

const HELLO = 'Codertocat/Hello-World';
const ACTOR = { login: 'Codertocat', isBot: false };
const ISSUE_URL = 'https://github.com/Codertocat/Hello-World/issues/1';
const ISSUE_TITLE = 'Spelling error in the README file';
const ISSUE_BODY = "It looks like you accidently spelled 'commit' with two 't's.";
const PR_URL = 'https://github.com/Codertocat/Hello-World/pull/2';
const PR_TITLE = 'Update the README with new information.';
const PR_BODY = 'This is a pretty simple change that we need to pull into master.';

describe('mapGitHubEvent on every recorded example', () => {
  it('has examples of every handled name and of most handled actions', () => {
    const seen = new Set(EXAMPLES.map((e) => `${e.name}.${e.action}`));
    const missing = Object.entries(HANDLED_ACTIONS).flatMap(([name, actions]) => actions.map((a) => `${name}.${a}`)).filter((key) => !seen.has(key));
    // The package has no issues.closed example: it is built from issues.opened below.
    expect(missing).toEqual(['issues.closed']);
    expect(EXAMPLES.filter((e) => e.name === 'ping')).toHaveLength(4);
    expect(EXAMPLES.length).toBeGreaterThanOrEqual(100);
  });

  it.each(EXAMPLES.map((e) => [`${e.name}[${e.index}] ${e.action}`, e] as const))('%s', (_label, example) => {
    const result = mapGitHubEvent(example.name, `${example.name}-${example.index}`, example.payload);
    if (example.name === 'ping') return void expect(result).toEqual({ kind: 'ping' });
    if (!HANDLED_ACTIONS[example.name]?.includes(example.action)) {
      return void expect(result).toEqual({ kind: 'ignored', reason: `${example.name}.${example.action} is not forwarded` });
    }
    if (result.kind !== 'event') throw new Error(`not mapped: ${JSON.stringify(result)}`);
    const { event } = result;
    const payload = example.payload;
    expect(event.deliveryId).toBe(`${example.name}-${example.index}`);
    expect(event.name).toBe(example.name);
    expect(event.feature).toBe(FEATURES[example.name]);
    expect(event.action === 'merged' ? 'closed' : event.action).toBe(example.action);
    expect(event.repo).toMatch(/^[\w.-]+\/[\w.-]+$/);
    expect(event.repo).toBe(at(payload, 'repository')['full_name']);
    expect(event.actor).toEqual({ login: at(payload, 'sender')['login'], isBot: false });
    expect(event.url).toMatch(/^https:\/\/github\.com\/\S+$/);
    expect(event.labels.every((label) => typeof label === 'string' && label !== '')).toBe(true);
    expect(event.title?.trim()).toBeTruthy();
    if (example.name === 'release') expect(event.number).toBeUndefined();
    else expect(Number.isInteger(event.number) && event.number! > 0).toBe(true);
    for (const value of Object.values(event)) expect(value).not.toBeUndefined();
  });
});

describe('mapGitHubEvent: issues', () => {
  it('maps issues.opened completely', () => {
    expect(eventOf('issues', firstExample('issues', 'opened'))).toStrictEqual({
      deliveryId: 'delivery-1', name: 'issues', action: 'opened', feature: 'issues', repo: HELLO, actor: ACTOR,
      number: 1, title: ISSUE_TITLE, url: ISSUE_URL, body: ISSUE_BODY, labels: ['bug'], author: 'Codertocat',
    });
  });

  it('leaves out an empty body', () => {
    const event = eventOf('issues', examplePayload('issues', 16));
    expect(event.body).toBeUndefined();
    expect('body' in event).toBe(false);
  });

  it('maps issues.closed (built from an opened example: the package has none)', () => {
    const payload = firstExample('issues', 'opened');
    payload['action'] = 'closed';
    at(payload, 'issue')['state'] = 'closed';
    expect(eventOf('issues', payload)).toMatchObject({ action: 'closed', feature: 'issues', number: 1, url: ISSUE_URL });
  });

  it('maps issues.reopened', () => {
    expect(eventOf('issues', firstExample('issues', 'reopened'))).toMatchObject({ action: 'reopened', number: 1, title: ISSUE_TITLE });
  });

  it('puts the added label in detail.label, and all labels in labels', () => {
    const event = eventOf('issues', firstExample('issues', 'labeled'));
    expect(event).toMatchObject({ action: 'labeled', detail: { label: 'bug' }, labels: ['bug'] });
  });

  it('puts the assignee in detail.assignee', () => {
    const payload = firstExample('issues', 'assigned');
    at(payload, 'assignee')['login'] = 'octocat';
    expect(eventOf('issues', payload)).toMatchObject({ action: 'assigned', actor: ACTOR, detail: { assignee: 'octocat' } });
  });

  it('ignores an issues event about a pull request: pull_request events cover it', () => {
    const payload = examplePayload('issues', 13);
    expect(at(payload, 'issue')['pull_request']).toBeDefined();
    payload['action'] = 'opened';
    expect(reasonOf('issues', payload)).toBe('issues.opened: the issue is a pull request');
  });

  it('ignores labeled without a label and assigned without an assignee', () => {
    const labeled = firstExample('issues', 'labeled');
    delete labeled['label'];
    expect(reasonOf('issues', labeled)).toBe('issues.labeled: label.name is missing');
    const assigned = firstExample('issues', 'assigned');
    assigned['assignee'] = null;
    expect(reasonOf('issues', assigned)).toBe('issues.assigned: assignee.login is missing');
  });
});

describe('mapGitHubEvent: comments', () => {
  it('maps issue_comment.created to the comment: its address and text', () => {
    expect(eventOf('issue_comment', firstExample('issue_comment', 'created'))).toStrictEqual({
      deliveryId: 'delivery-1', name: 'issue_comment', action: 'created', feature: 'comments', repo: HELLO, actor: ACTOR,
      number: 1, title: ISSUE_TITLE, url: `${ISSUE_URL}#issuecomment-492700400`,
      body: "You are totally right! I'll get this fixed right away.", labels: ['bug'], author: 'Codertocat',
    });
  });

  it('marks a comment on a pull request', () => {
    const payload = firstExample('issue_comment', 'created');
    at(payload, 'issue')['pull_request'] = { url: 'https://api.github.com/repos/Codertocat/Hello-World/pulls/1', html_url: 'https://github.com/Codertocat/Hello-World/pull/1' };
    expect(eventOf('issue_comment', payload).onPullRequest).toBe(true);
  });

  it('ignores a comment without an address', () => {
    const payload = firstExample('issue_comment', 'created');
    delete at(payload, 'comment')['html_url'];
    expect(reasonOf('issue_comment', payload)).toBe('issue_comment.created: comment.html_url is missing');
  });

  it("maps discussion_comment.created to the comment, under 'comments'", () => {
    expect(eventOf('discussion_comment', firstExample('discussion_comment', 'created'))).toStrictEqual({
      deliveryId: 'delivery-1', name: 'discussion_comment', action: 'created', feature: 'comments', repo: 'octo-org/octo-repo', actor: ACTOR,
      number: 90, title: 'Welcome to discussions!', url: 'https://github.com/octo-org/octo-repo/discussions/90#discussioncomment-544078',
      body: 'I have so many questions to ask you!', labels: [], author: 'Codertocat',
    });
  });
});

describe('mapGitHubEvent: pull requests', () => {
  it('maps pull_request.opened completely', () => {
    expect(eventOf('pull_request', examplePayload('pull_request', 12))).toStrictEqual({
      deliveryId: 'delivery-1', name: 'pull_request', action: 'opened', feature: 'pulls', repo: HELLO, actor: ACTOR,
      number: 2, title: PR_TITLE, url: PR_URL, body: PR_BODY, labels: ['bug'], author: 'Codertocat',
    });
  });

  it("calls a PR closed without merging 'closed' and a merged one 'merged'", () => {
    const payload = firstExample('pull_request', 'closed');
    expect(eventOf('pull_request', payload).action).toBe('closed');
    at(payload, 'pull_request')['merged'] = true;
    expect(eventOf('pull_request', payload)).toMatchObject({ name: 'pull_request', action: 'merged', body: PR_BODY });
  });

  it('maps reopened and ready_for_review', () => {
    expect(eventOf('pull_request', firstExample('pull_request', 'reopened')).action).toBe('reopened');
    expect(eventOf('pull_request', firstExample('pull_request', 'ready_for_review')).action).toBe('ready_for_review');
  });

  it('puts the requested reviewer, or team, in detail.reviewer', () => {
    const payload = firstExample('pull_request', 'review_requested');
    expect(eventOf('pull_request', payload).detail).toEqual({ reviewer: 'octocat' });
    delete payload['requested_reviewer'];
    payload['requested_team'] = { name: 'Justice League', slug: 'justice-league' };
    expect(eventOf('pull_request', payload).detail).toEqual({ reviewer: 'Justice League' });
    delete payload['requested_team'];
    expect(reasonOf('pull_request', payload)).toBe('pull_request.review_requested: requested_reviewer.login is missing');
  });

  it('maps a submitted review to the review: address, state (lower-case) and text', () => {
    expect(eventOf('pull_request_review', firstExample('pull_request_review', 'submitted'))).toStrictEqual({
      deliveryId: 'delivery-1', name: 'pull_request_review', action: 'submitted', feature: 'pulls', repo: HELLO, actor: ACTOR,
      number: 2, title: PR_TITLE, url: `${PR_URL}#pullrequestreview-237895671`, labels: [], author: 'Codertocat', detail: { reviewState: 'commented' },
    });
    const payload = firstExample('pull_request_review', 'submitted');
    Object.assign(at(payload, 'review'), { state: 'CHANGES_REQUESTED', body: 'Please add a test.' });
    expect(eventOf('pull_request_review', payload)).toMatchObject({ detail: { reviewState: 'changes_requested' }, body: 'Please add a test.' });
  });

  it('ignores a review without a state', () => {
    const payload = firstExample('pull_request_review', 'submitted');
    delete at(payload, 'review')['state'];
    expect(reasonOf('pull_request_review', payload)).toBe('pull_request_review.submitted: review.state is missing');
  });
});

describe('mapGitHubEvent: releases and discussions', () => {
  it('titles a release without a name (null or empty in the examples) by its tag', () => {
    expect(eventOf('release', examplePayload('release', 0))).toStrictEqual({
      deliveryId: 'delivery-1', name: 'release', action: 'published', feature: 'releases', repo: HELLO, actor: ACTOR,
      title: '0.0.1', url: 'https://github.com/Codertocat/Hello-World/releases/tag/0.0.1', labels: [], author: 'Codertocat', detail: { tag: '0.0.1' },
    });
    expect(eventOf('release', examplePayload('release', 10)).title).toBe('0.0.1');
  });

  it('titles a named release by its name and keeps its notes', () => {
    const payload = examplePayload('release', 10);
    Object.assign(at(payload, 'release'), { name: 'Spring release', body: '## Fixes\n- login' });
    expect(eventOf('release', payload)).toMatchObject({ title: 'Spring release', body: '## Fixes\n- login', detail: { tag: '0.0.1' } });
  });

  it('maps discussion.created', () => {
    expect(eventOf('discussion', firstExample('discussion', 'created'))).toStrictEqual({
      deliveryId: 'delivery-1', name: 'discussion', action: 'created', feature: 'discussions', repo: 'octo-org/octo-repo', actor: ACTOR,
      number: 90, title: 'Welcome to discussions!', url: 'https://github.com/octo-org/octo-repo/discussions/90', body: "We're glad to have you here!", labels: [], author: 'Codertocat',
    });
  });

  it('maps discussion.answered to the answer: its address and text', () => {
    expect(eventOf('discussion', firstExample('discussion', 'answered'))).toMatchObject({
      action: 'answered', number: 4, title: 'TEST edit', url: 'https://github.com/Codertocat/Hello-World/discussions/4#discussioncomment-550561', body: 'Poggers', author: 'Codertocat',
    });
    const payload = firstExample('discussion', 'answered');
    delete payload['answer'];
    expect(eventOf('discussion', payload).url).toBe('https://github.com/Codertocat/Hello-World/discussions/4#discussioncomment-550561');
  });
});

describe('mapGitHubEvent: actor and labels', () => {
  it.each([
    ['a Bot account', { login: 'octo-linter', type: 'Bot' }, true],
    ['a [bot] login', { login: 'dependabot[bot]', type: 'User' }, true],
    ['a person', { login: 'octocat', type: 'User' }, false],
    ['no type', { login: 'octocat' }, false],
  ])('isBot for %s', (_name, sender, isBot) => {
    const payload = firstExample('issues', 'opened');
    payload['sender'] = sender;
    expect(eventOf('issues', payload).actor).toEqual({ login: sender.login, isBot });
  });

  it('skips malformed labels', () => {
    const payload = firstExample('issues', 'opened');
    at(payload, 'issue')['labels'] = [{ name: 'bug' }, null, { name: '' }, { color: 'fff' }, 'plain', 7];
    expect(eventOf('issues', payload).labels).toEqual(['bug', 'plain']);
  });
});

describe('mapGitHubEvent: what it ignores', () => {
  it.each([
    ['push', 'push events are not forwarded'],
    ['star', 'star events are not forwarded'],
    ['__proto__', '__proto__ events are not forwarded'],
    ['constructor', 'constructor events are not forwarded'],
    ['', 'an event without a name is not forwarded'],
  ])('the %j event', (name, reason) => {
    expect(mapGitHubEvent(name, 'd', firstExample('issues', 'opened'))).toEqual({ kind: 'ignored', reason });
  });

  it.each([null, undefined, {}, [], 'issues', 42, true, { action: 'opened' }, { action: 7 }])('the payload %j', (payload) => {
    const result = mapGitHubEvent('issues', 'd', payload);
    expect(result.kind).toBe('ignored');
  });

  it.each<[string, (p: Payload) => void, string]>([
    ['no action', (p) => delete p['action'], 'issues: the payload has no action'],
    ['no sender', (p) => delete p['sender'], 'issues.opened: sender.login is missing'],
    ['a sender without login', (p) => (p['sender'] = { type: 'User' }), 'issues.opened: sender.login is missing'],
    ['no repository', (p) => delete p['repository'], 'issues.opened: repository.full_name is missing'],
    ['a malformed full_name', (p) => (at(p, 'repository')['full_name'] = 'no-slash'), 'issues.opened: repository.full_name is missing'],
    ['no issue', (p) => delete p['issue'], 'issues.opened: the payload has no issue'],
    ['an issue as an array', (p) => (p['issue'] = []), 'issues.opened: the payload has no issue'],
    ['a number as a string', (p) => (at(p, 'issue')['number'] = '1'), 'issues.opened: issue.number is missing'],
    ['a number below 1', (p) => (at(p, 'issue')['number'] = 0), 'issues.opened: issue.number is missing'],
    ['a blank title', (p) => (at(p, 'issue')['title'] = '  '), 'issues.opened: issue.title is missing'],
    ['a javascript: address', (p) => (at(p, 'issue')['html_url'] = 'javascript:alert(1)'), 'issues.opened: issue.html_url is missing'],
    ['an address with a newline', (p) => (at(p, 'issue')['html_url'] = 'https://x.org/a\nb'), 'issues.opened: issue.html_url is missing'],
  ])('an issues.opened payload with %s', (_name, spoil, reason) => {
    const payload = firstExample('issues', 'opened');
    spoil(payload);
    expect(reasonOf('issues', payload)).toBe(reason);
  });

  it('ignores a delivery without an id', () => {
    expect(reasonOf('issues', firstExample('issues', 'opened'), ' ')).toBe('issues: the delivery has no id');
    expect(mapGitHubEvent('issues', undefined as unknown as string, firstExample('issues', 'opened'))).toEqual({ kind: 'ignored', reason: 'issues: the delivery has no id' });
  });

  it('answers ping whatever the payload', () => {
    expect(mapGitHubEvent('ping', 'd', null)).toEqual({ kind: 'ping' });
  });

  it('never throws when any key (two levels deep) of a handled example is removed or replaced', () => {
    const handled = [...new Map(EXAMPLES.filter((e) => HANDLED_ACTIONS[e.name]?.includes(e.action)).map((e) => [`${e.name}.${e.action}`, e])).values()];
    let calls = 0;
    for (const example of handled) {
      const objects = Object.entries(example.payload).filter(([, v]) => typeof v === 'object' && v !== null);
      const paths = [...Object.keys(example.payload).map((k) => [k]), ...objects.flatMap(([k, v]) => Object.keys(v as Payload).map((kk) => [k, kk]))];
      for (const path of paths) {
        for (const value of [undefined, null, 'x', 0, [], {}]) {
          const payload = structuredClone(example.payload);
          const parent = path.length === 1 ? payload : at(payload, path[0]!);
          if (value === undefined) delete parent[path.at(-1)!];
          else parent[path.at(-1)!] = value;
          const result = mapGitHubEvent(example.name, 'd', payload);
          expect(['event', 'ignored']).toContain(result.kind);
          calls += 1;
        }
      }
    }
    expect(calls).toBeGreaterThan(2_000);
  });
});
