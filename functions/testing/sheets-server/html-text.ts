/** Text (cell values, titles) placed in the HTML view as text, never as markup. */
export const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
