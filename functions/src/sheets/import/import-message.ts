import type { ErrorDetail } from "../../errors/api-error";

/**
 * The French message shown beside a refused row: each refused field by its
 * column (the API's prefix, « SIREN : », names the field as the api knows it,
 * not as the sheet does), or the API's message when no field is named.
 * `columns` maps a body path (or its first two segments) to its column.
 */
export function columnMessage(message: string, details: ErrorDetail[], columns: Record<string, string>): string {
  const fields = details.map((d) => {
    const column = columns[d.path] ?? columns[d.path.split(".").slice(0, 2).join(".")];
    const problem = d.message.replace(/^[^:]*? : /, "");
    return column ? `Colonne « ${column} » : ${problem}` : d.message;
  });
  // A summary that only repeats the field messages is left out; a message of its own (a rule) is kept first.
  const summary = details.some((d) => message.includes(d.message)) ? [] : [message];
  return [...summary, ...fields].join(" — ");
}
