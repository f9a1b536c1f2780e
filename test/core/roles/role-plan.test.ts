import { describe, expect, it } from 'vitest';
import { chatJobKinds } from '../../../src/core/outbox/lanes.js';
import { kindsNow, rolePlan } from '../../../src/core/roles/role-plan.js';

describe('what each role runs', () => {
  it('gives the chat jobs to the chat leader and every other job to workers', () => {
    expect(rolePlan('chat')).toMatchObject({ chat: true, web: false });
    expect(kindsNow(rolePlan('chat'), true)).toEqual({ only: chatJobKinds });
    expect(kindsNow(rolePlan('chat'), false)).toEqual({ only: [] });
    expect(kindsNow(rolePlan('worker'), false)).toEqual({ except: chatJobKinds });
    expect(kindsNow(rolePlan('web'), false)).toEqual({ only: [] });
  });

  it('runs every job in an all process once it leads the chat, and all but the chat jobs as a standby', () => {
    expect(rolePlan('all')).toMatchObject({ chat: true, web: true });
    expect(kindsNow(rolePlan('all'), true)).toBeUndefined();
    expect(kindsNow(rolePlan('all'), false)).toEqual({ except: chatJobKinds });
  });
});
