/** Text made safe to put inside an HTML email (names and links are free text). */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
