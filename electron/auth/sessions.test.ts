import { describe, expect, it } from 'vitest';
import { APPROVAL_MS, createApprovalStore, type Approval } from './approvals';
import { createSessionStore, MIN_IDLE_MS } from './sessions';

function clock(start = Date.parse('2026-11-24T10:00:00.000Z')) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms), back: (ms: number) => (now -= ms) };
}

const IDLE_MS = 6 * 60_000;
const IDLE = (): number => IDLE_MS;

describe('the session store', () => {
  it('knows who signed in under each key, and no one under any other', () => {
    const time = clock();
    const sessions = createSessionStore(time.now);
    sessions.begin('window:1', 3);
    sessions.begin('web:abc', 4);
    expect(sessions.staffOf('window:1', IDLE)).toBe(3);
    expect(sessions.staffOf('web:abc', IDLE)).toBe(4);
    expect(sessions.staffOf('window:2', IDLE)).toBeNull();
    expect(sessions.staffOf('web:abd', IDLE)).toBeNull();
    // Signing in again on the same key replaces the person.
    sessions.begin('window:1', 5);
    expect(sessions.staffOf('window:1', IDLE)).toBe(5);
    expect(sessions.size()).toBe(2);
  });

  it('ends a session left idle longer than the idle time, for good', () => {
    const time = clock();
    const sessions = createSessionStore(time.now);
    sessions.begin('window:1', 3);
    time.advance(IDLE_MS);
    expect(sessions.staffOf('window:1', IDLE)).toBe(3);
    time.advance(1);
    expect(sessions.staffOf('window:1', IDLE)).toBeNull();
    expect(sessions.size()).toBe(0);
    // A clock set back later does not bring it back.
    time.back(IDLE_MS);
    expect(sessions.staffOf('window:1', IDLE)).toBeNull();
  });

  it("reads the store's idle time only once a session has been idle for the shortest one", () => {
    const time = clock();
    const sessions = createSessionStore(time.now);
    sessions.begin('window:1', 3);
    let reads = 0;
    const idle = (): number => {
      reads += 1;
      return 60_000;
    };
    time.advance(MIN_IDLE_MS);
    expect(sessions.staffOf('window:1', idle)).toBe(3);
    expect(reads).toBe(0);
    time.advance(1);
    expect(sessions.staffOf('window:1', idle)).toBeNull();
    expect(reads).toBe(1);
  });

  it('counts the idle time from the last use', () => {
    const time = clock();
    const sessions = createSessionStore(time.now);
    sessions.begin('window:1', 3);
    time.advance(IDLE_MS - 1000);
    sessions.touch('window:1');
    time.advance(IDLE_MS - 1000);
    expect(sessions.staffOf('window:1', IDLE)).toBe(3);
    // Reading who is signed in is not using the session.
    time.advance(2000);
    expect(sessions.staffOf('window:1', IDLE)).toBeNull();
    // Touching a key no one signed in under starts nothing.
    sessions.touch('window:9');
    expect(sessions.staffOf('window:9', IDLE)).toBeNull();
  });

  it('ends one session on sign-out and every session on a restore', () => {
    const sessions = createSessionStore(clock().now);
    sessions.begin('window:1', 3);
    sessions.begin('window:2', 4);
    sessions.begin('web:abc', 5);
    expect(sessions.end('window:1')).toBe(true);
    expect(sessions.end('window:1')).toBe(false);
    expect(sessions.staffOf('window:1', IDLE)).toBeNull();
    expect(sessions.staffOf('window:2', IDLE)).toBe(4);
    sessions.endAll();
    expect(sessions.size()).toBe(0);
    expect(sessions.staffOf('web:abc', IDLE)).toBeNull();
  });
});

describe('the approval store', () => {
  const approval = (expiresAt: number, overrides: Partial<Approval> = {}): Approval => ({
    command: 'tab.compLine',
    payloadHash: 'hash-of-50-percent',
    requesterId: 3,
    approverId: 2,
    permissions: ['tabs.adjustLarge'],
    expiresAt,
    ...overrides,
  });

  it('matches exactly the command id, the command, the payload and the person who asked', () => {
    const time = clock();
    const approvals = createApprovalStore(time.now);
    const given = approval(time.now() + APPROVAL_MS);
    approvals.put('cmd-00000001', given);
    expect(approvals.match('cmd-00000002', 'tab.compLine', 'hash-of-50-percent', 3)).toBeNull();
    expect(approvals.match('cmd-00000001', 'tab.removeLine', 'hash-of-50-percent', 3)).toBeNull();
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-100-percent', 3)).toBeNull();
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-50-percent', 4)).toBeNull();
    // A near miss does not use it up, and matching alone never does.
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-50-percent', 3)).toEqual(given);
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-50-percent', 3)).toEqual(given);
  });

  it('lasts two minutes', () => {
    expect(APPROVAL_MS).toBe(2 * 60_000);
    const time = clock();
    const approvals = createApprovalStore(time.now);
    approvals.put('cmd-00000001', approval(time.now() + APPROVAL_MS));
    time.advance(APPROVAL_MS - 1);
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-50-percent', 3)).not.toBeNull();
    time.advance(1);
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-50-percent', 3)).toBeNull();
    time.back(APPROVAL_MS);
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-50-percent', 3)).toBeNull();
  });

  it('is used up once, and all are dropped on a restore', () => {
    const time = clock();
    const approvals = createApprovalStore(time.now);
    approvals.put('cmd-00000001', approval(time.now() + APPROVAL_MS));
    approvals.put('cmd-00000002', approval(time.now() + APPROVAL_MS, { command: 'drawer.move' }));
    approvals.consume('cmd-00000001');
    expect(approvals.match('cmd-00000001', 'tab.compLine', 'hash-of-50-percent', 3)).toBeNull();
    expect(approvals.match('cmd-00000002', 'drawer.move', 'hash-of-50-percent', 3)).not.toBeNull();
    approvals.clear();
    expect(approvals.match('cmd-00000002', 'drawer.move', 'hash-of-50-percent', 3)).toBeNull();
  });
});
