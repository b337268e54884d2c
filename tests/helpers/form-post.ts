// Submitting a page's server-action form as a browser without JavaScript does: the hidden fields React renders for
// progressive enhancement ($ACTION_…), plus the visible ones, posted as multipart to the page; Next.js runs the
// action and answers with the page rendered from the action's result.

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** The hidden inputs of the page's first form, by name. */
function hiddenFields(html: string): Record<string, string> {
  const form = /<form[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error("the page has no form");
  const fields: Record<string, string> = {};
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1];
    if (name) fields[decode(name)] = decode(/value="([^"]*)"/.exec(input)?.[1] ?? "");
  }
  return fields;
}

/**
 * The form of the page at `baseUrl + path`, read now; `post` submits it with `fields` filled in and resolves to the
 * answer (a redirect not followed). Read first and posted later, so a test decides the moment of the post alone.
 */
export async function formAt(baseUrl: string, path: string) {
  const hidden = hiddenFields(await (await fetch(`${baseUrl}${path}`)).text());
  return {
    post(fields: Record<string, string>, postHeaders: Record<string, string> = {}): Promise<Response> {
      const body = new FormData();
      for (const [name, value] of Object.entries({ ...hidden, ...fields })) body.append(name, value);
      return fetch(`${baseUrl}${path}`, { method: "POST", body, headers: postHeaders, redirect: "manual" });
    },
  };
}
