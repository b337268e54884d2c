"use client";

import { useActionState, useState } from "react";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { deleteAppAction } from "../../actions";

export function DeleteAppForm({ appId, name }: { appId: number; name: string }) {
  const [state, action] = useActionState(deleteAppAction, {});
  const [typed, setTyped] = useState("");
  return (
    <Card tone="danger">
      <form action={action} noValidate>
        <CardHeader
          title={<span className="text-red-700">Delete app</span>}
          description="Deletes the app, its client ID and all data received for it. Clients still using the ID get a 404 and switch themselves off. This cannot be undone."
        />
        <CardBody>
          <input type="hidden" name="appId" value={appId} />
          <Field
            name="confirmation"
            label={
              <>
                Type <strong className="font-semibold text-slate-900">{name}</strong> to confirm
              </>
            }
            autoComplete="off"
            spellCheck={false}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            errors={state.fieldErrors?.confirmation}
          />
        </CardBody>
        <CardFooter>
          <SubmitButton variant="danger" disabled={typed.trim() !== name} pendingText="Deleting…">
            Delete this app
          </SubmitButton>
        </CardFooter>
      </form>
    </Card>
  );
}
