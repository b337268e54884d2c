"use client";

// The team page's forms: each posts to one server action with the team id; the server checks the role again.
import { useActionState } from "react";
import { OneTimeSecret } from "@/components/forms/one-time-secret";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Field, FormMessage, inputClass, Label } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/teams/roles";
import { changeRoleAction, inviteAction, leaveTeamAction, removeMemberAction } from "../actions";

const selectClass = cn(inputClass, "h-9 py-1.5 pr-8");

function RoleSelect({ name, label, defaultValue }: { name: string; label: string; defaultValue: Role }) {
  return (
    <select name={name} defaultValue={defaultValue} aria-label={label} className={selectClass}>
      {ROLES.map((r) => (
        <option key={r} value={r}>
          {ROLE_LABELS[r].name}
        </option>
      ))}
    </select>
  );
}

export function InviteForm({ teamId, origin }: { teamId: string; origin: string }) {
  const [state, action] = useActionState(inviteAction, {});
  const link = state.ok && state.values?.link ? origin + state.values.link : null;
  return (
    <Card>
      <form action={action} noValidate>
        <CardHeader
          title="Invite someone"
          description="They get a single-use link for their email address. It is shown once: copy it and send it to them."
        />
        <CardBody className="space-y-3">
          <input type="hidden" name="teamId" value={teamId} />
          <div className="grid gap-3 sm:grid-cols-[1fr_10rem]">
            <Field
              name="email"
              type="email"
              label="Email"
              autoComplete="off"
              required
              defaultValue={state.ok ? "" : state.values?.email}
              errors={state.fieldErrors?.email}
            />
            <div>
              <Label htmlFor="invite-role">Role</Label>
              <select id="invite-role" name="role" defaultValue="member" className={`${selectClass} mt-1.5`}>
                {ROLES.filter((r) => r !== "owner").map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r].name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <FormMessage message={state.ok ? undefined : state.message} />
          {link && (
            <OneTimeSecret
              message={`${state.message} Send them this link:`}
              value={link}
              copyLabel="Copy link"
              testId="invitation-link"
            />
          )}
        </CardBody>
        <CardFooter>
          <SubmitButton pendingText="Inviting…">Create invitation</SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}

export function MemberControls({
  teamId,
  userId,
  who,
  role,
}: {
  teamId: string;
  userId: string;
  /** The member's name or email, for labels. */
  who: string;
  role: Role;
}) {
  const [roleState, roleAction] = useActionState(changeRoleAction, {});
  const [removeState, removeAction] = useActionState(removeMemberAction, {});
  const message = (!roleState.ok && roleState.message) || (!removeState.ok && removeState.message) || undefined;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-end gap-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="userId" value={userId} />
          <RoleSelect name="role" label={`Role of ${who}`} defaultValue={role} />
          <SubmitButton size="sm" variant="secondary" pendingText="Saving…">
            Save
          </SubmitButton>
        </form>
        <form action={removeAction}>
          <input type="hidden" name="teamId" value={teamId} />
          <input type="hidden" name="userId" value={userId} />
          <SubmitButton size="sm" variant="ghost" pendingText="Removing…">
            Remove
          </SubmitButton>
        </form>
      </div>
      <FormMessage message={message} />
    </div>
  );
}

export function LeaveTeamForm({ teamId, name }: { teamId: string; name: string }) {
  const [state, action] = useActionState(leaveTeamAction, {});
  return (
    <Card>
      <form action={action}>
        <CardHeader
          title="Leave team"
          description={`You lose access to ${name}'s apps until someone invites you again.`}
        />
        <CardBody>
          <input type="hidden" name="teamId" value={teamId} />
          <FormMessage message={state.message} />
        </CardBody>
        <CardFooter>
          <SubmitButton variant="secondary" pendingText="Leaving…">
            Leave {name}
          </SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
