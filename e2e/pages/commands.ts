import type { APIRequestContext } from '@playwright/test';
import type { Role } from '../../shared/permissions';
import type { SessionState, SignInResult, StaffMember } from '../../shared/types';

/**
 * A web host and who the back door acts as: `token` is the session a sign-in over HTTP gave
 * (null: nobody signed in, so only the PIN pad's commands answer).
 */
export type Host = { url: string; secret: string; token: string | null };
export type CommandResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: string; message: string; field?: string; params?: Record<string, unknown> } };

/** The owner's PIN the fixture sets on every fresh ledger; the specs sign in with it. */
export const OWNER_PIN = '1234';
/** The name a fresh ledger gives its first owner. */
export const OWNER_NAME = 'Owner';

let sent = 0;

/** A command id no other call of this run uses. */
export function newCommandId(name: string): string {
  sent += 1;
  return `e2e-${name.replace('.', '-')}-${Date.now()}-${sent}`;
}

/** The headers a client sends with every command: the per-launch secret and, when it has one, its session token. */
export function commandHeaders(host: Host): Record<string, string> {
  const headers: Record<string, string> = { 'X-Aftertab-Secret': host.secret, 'Content-Type': 'application/json' };
  if (host.token) headers['X-Aftertab-Session'] = host.token;
  return headers;
}

/**
 * Calls a command over the web host's HTTP transport: the specs' back door for setting up a
 * scene and checking the ledger, never for what the test is about (that goes through the screen).
 * It sends the per-launch secret and, when the host has one, its session token, as the page does.
 */
export async function sendCommand<T = unknown>(
  request: APIRequestContext,
  host: Host,
  name: string,
  input: unknown = {},
  commandId: string = newCommandId(name),
): Promise<CommandResult<T>> {
  const response = await request.post(`${host.url}api/command/${name}`, { headers: commandHeaders(host), data: { input, commandId } });
  return (await response.json()) as CommandResult<T>;
}

/** Like sendCommand, but a refusal fails the test with the ledger's own words. */
export async function must<T = unknown>(request: APIRequestContext, host: Host, name: string, input: unknown = {}): Promise<T> {
  const result = await sendCommand<T>(request, host, name, input);
  if (!result.ok) throw new Error(`${name} was refused (${result.error.code}): ${result.error.message}`);
  return result.value;
}

/** The PIN pad's view of the store over HTTP: who can sign in, and whether the owner must set a PIN. */
export function sessionState(request: APIRequestContext, host: Host): Promise<SessionState> {
  return must<SessionState>(request, { ...host, token: null }, 'session.state');
}

/** First run only: sets the owner's PIN as the setup screen would, and returns the owner's session token. */
export async function setUpOwnerOverHttp(request: APIRequestContext, host: Host, pin: string = OWNER_PIN): Promise<string> {
  const result = await must<SignInResult>(request, { ...host, token: null }, 'session.setup', { pin, pinAgain: pin });
  if (!result.token) throw new Error('session.setup over HTTP gave no session token');
  return result.token;
}

/**
 * Signs a person in over HTTP, as another client at the counter would, and returns their token.
 * No token is sent with it: a sign-in on a client that has one ends that client's session.
 */
export async function signInOverHttp(request: APIRequestContext, host: Host, name: string, pin: string): Promise<string> {
  const state = await sessionState(request, host);
  const person = state.staff.find((tile) => tile.name === name);
  if (!person) throw new Error(`no active staff member named ${name} (there are: ${state.staff.map((tile) => tile.name).join(', ')})`);
  const result = await must<SignInResult>(request, { ...host, token: null }, 'session.signIn', { staffId: person.id, pin });
  if (!result.token) throw new Error(`session.signIn over HTTP gave ${name} no session token`);
  return result.token;
}

/** The same host acting as `name`: a fresh sign-in over HTTP. */
export async function hostAs(request: APIRequestContext, host: Host, name: string, pin: string): Promise<Host> {
  return { url: host.url, secret: host.secret, token: await signInOverHttp(request, host, name, pin) };
}

/** Adds a staff member with a PIN through the back door (the host must act as an owner or manager). */
export function createStaff(request: APIRequestContext, host: Host, name: string, role: Role, pin: string): Promise<StaffMember> {
  return must<StaffMember>(request, host, 'staff.create', { name, role, pin });
}
