// The one guard for everything a person changes, and the server actions built on it.
//
//   appAction(capability, schema, fn)   an app-scoped mutation, (userId, appId, input) → Result: the app must be one
//                           the user may see (getAppForUser in lib/apps/access.ts; unknown and another team's are
//                           both a 404), their role in its team must allow the capability (lib/teams/roles.ts; if not,
//                           a Result saying so, nothing is written), then the input is parsed with the zod schema
//                           (errors come back as fieldErrors), then fn({ userId, app, input }) runs.
//   teamAction(capability, schema, fn)  the same for a team, (userId, teamId, input) → Result.
//   userAction(schema, fn)  the same without an app or team (the user's own account, a new team), (userId, input).
//
// lib/apps and lib/consumers define their mutations with these, so they stay callable with a known user id (tests,
// scripts). The server actions in app/**/actions.ts wrap them once more, adding the session and the app id:
//
//   appFormAction(action, done)  (prev, FormData) for useActionState: the signed-in user, the form's "appId", the
//                                schema's fields as text; errors go back with the typed text, success to done().
//   userFormAction(action, done) the same without an app.
//   appCallAction(action, done?) (appId, input) called from client code: the action's Result as it is.
import type { z } from "zod";
import { parseAppId, requireAppForUser, type AppForUser } from "@/lib/apps/access";
import { requireUser } from "@/lib/auth/session";
import { requireTeamForUser, type TeamForUser } from "@/lib/teams/access";
import { can, forbiddenMessage, type Capability } from "@/lib/teams/roles";
import { formText, invalid, parseInput, type FormState, type Result } from "@/lib/validations/result";

/** Inputs are objects; forms send their fields as text and the schema coerces them. */
type InputSchema = z.ZodObject;

export interface AppActionContext<I> {
  userId: string;
  /** The app, checked: the user may do this to it. */
  app: AppForUser;
  /** The input as the schema parsed it. */
  input: I;
}

export type AppAction<S extends InputSchema, T, A extends unknown[] = []> = ((
  userId: string,
  appId: number,
  input: unknown,
  ...args: A
) => Promise<Result<T>>) & { schema: S };

export type UserAction<S extends InputSchema, T> = ((userId: string, input: unknown) => Promise<Result<T>>) & {
  schema: S;
};

/**
 * An app-scoped mutation: app access, then the input, then fn. Extra arguments after the input go to fn as they are.
 */
export function appAction<S extends InputSchema, T, A extends unknown[] = []>(
  capability: Capability,
  schema: S,
  fn: (ctx: AppActionContext<z.output<S>>, ...args: A) => Promise<Result<T>>,
): AppAction<S, T, A> {
  const action = async (userId: string, appId: number, input: unknown, ...args: A): Promise<Result<T>> => {
    // Access first, so another team's app is a 404 whatever the input: app ids reveal nothing. (The rule is
    // getAppForUser's, shared with withApp for the JSON routes and requireApp for pages.)
    const app = await requireAppForUser(appId, userId);
    if (!can(app.role, capability)) return invalid({}, forbiddenMessage(capability));
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    return fn({ userId, app, input: parsed.value }, ...args);
  };
  return Object.assign(action, { schema });
}

export interface TeamActionContext<I> {
  userId: string;
  /** The team, checked: the user belongs to it and may do this in it. */
  team: TeamForUser;
  input: I;
}

export type TeamAction<S extends InputSchema, T> = ((
  userId: string,
  teamId: string,
  input: unknown,
) => Promise<Result<T>>) & {
  schema: S;
};

/** A team-scoped mutation: membership (another team is a 404), the role, the input, then fn. */
export function teamAction<S extends InputSchema, T>(
  capability: Capability,
  schema: S,
  fn: (ctx: TeamActionContext<z.output<S>>) => Promise<Result<T>>,
): TeamAction<S, T> {
  const action = async (userId: string, teamId: string, input: unknown): Promise<Result<T>> => {
    const team = await requireTeamForUser(teamId, userId);
    if (!can(team.role, capability)) return invalid({}, forbiddenMessage(capability));
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    return fn({ userId, team, input: parsed.value });
  };
  return Object.assign(action, { schema });
}

/** A mutation of the user's own that needs no app or team (their account, a new team): the input, then fn. */
export function userAction<S extends InputSchema, T>(
  schema: S,
  fn: (ctx: { userId: string; input: z.output<S> }) => Promise<Result<T>>,
): UserAction<S, T> {
  const action = async (userId: string, input: unknown): Promise<Result<T>> => {
    const parsed = parseInput(schema, input);
    if (!parsed.ok) return parsed;
    return fn({ userId, input: parsed.value });
  };
  return Object.assign(action, { schema });
}

/** The schema's fields from a form, as text ("" when missing), for the schema to parse and the form to show again. */
function formFields(schema: InputSchema, form: FormData): Record<string, string> {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, formText(form, key)]));
}

/** What a form action does once its mutation succeeded: revalidate, then a message for the form, or redirect. */
type Done<T> = (value: T, ctx: { appId: number; values: Record<string, string> }) => FormState | Promise<FormState>;

/**
 * A server action for a form under useActionState. The app is the form's "appId" field (anything but a
 * positive integer is a 404); the input is the schema's fields. A failed mutation goes back to the form with the
 * text as typed (`values`), a successful one to done().
 */
export function appFormAction<S extends InputSchema, T>(action: AppAction<S, T>, done: Done<T>) {
  return async (_prev: FormState, form: FormData): Promise<FormState> => {
    const user = await requireUser();
    const appId = parseAppId(formText(form, "appId"));
    const values = formFields(action.schema, form);
    const result = await action(user.id, appId, values);
    if (!result.ok) return { ...result, values };
    return done(result.value, { appId, values });
  };
}

/** appFormAction for a team: the team is the form's "teamId" field. */
export function teamFormAction<S extends InputSchema, T>(
  action: TeamAction<S, T>,
  done: (value: T, ctx: { teamId: string; values: Record<string, string> }) => FormState | Promise<FormState>,
) {
  return async (_prev: FormState, form: FormData): Promise<FormState> => {
    const user = await requireUser();
    const teamId = formText(form, "teamId");
    const values = formFields(action.schema, form);
    const result = await action(user.id, teamId, values);
    if (!result.ok) return { ...result, values };
    return done(result.value, { teamId, values });
  };
}

/** appFormAction for a mutation without an app. */
export function userFormAction<S extends InputSchema, T>(
  action: UserAction<S, T>,
  done: (value: T) => FormState | Promise<FormState>,
) {
  return async (_prev: FormState, form: FormData): Promise<FormState> => {
    const user = await requireUser();
    const values = formFields(action.schema, form);
    const result = await action(user.id, values);
    if (!result.ok) return { ...result, values };
    return done(result.value);
  };
}

/**
 * A server action client code calls with the app id and an input object; it returns the mutation's Result as it
 * is, after done() (revalidation) on success.
 */
export function appCallAction<S extends InputSchema, T>(
  action: AppAction<S, T>,
  done?: (value: T, ctx: { appId: number }) => void,
) {
  return async (appIdParam: number, input: z.input<S>): Promise<Result<T>> => {
    const user = await requireUser();
    // The arguments of a server action are whatever the caller sent.
    const appId = parseAppId(String(appIdParam));
    const result = await action(user.id, appId, input);
    if (result.ok) done?.(result.value, { appId });
    return result;
  };
}
