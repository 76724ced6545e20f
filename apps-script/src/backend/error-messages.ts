/**
 * French messages for what the functions answer. The functions already send a
 * French message; the add-on puts it in context (what happened, what to do)
 * and never shows a raw status code or an English text to a finance user.
 */
import type { UserError } from "../interfaces/result";

interface ErrorAnswer {
  status: number;
  code?: string;
  message?: string;
  details?: { path: string; message: string }[];
}

const BY_CODE: Record<string, string> = {
  SELF_APPROVAL: "Vous ne pouvez pas approuver ou rejeter votre propre demande.",
  ALREADY_APPROVED_BY_YOU: "Vous avez déjà donné votre approbation pour cette demande.",
  ABOVE_REFUNDABLE_BALANCE: "Le montant demandé dépasse le solde remboursable de l'acompte.",
  IDEMPOTENCY_KEY_REUSED:
    "Cette soumission a déjà été envoyée avec un contenu différent. Rechargez le formulaire puis réessayez.",
};

const BY_STATUS: Record<number, string> = {
  400: "La demande contient des données invalides.",
  401: "Votre identité n'a pas pu être vérifiée. Fermez puis rouvrez le panneau Acompte ; si cela persiste, contactez votre administrateur.",
  403: "Vous n'avez pas le rôle nécessaire pour cette action dans cette société.",
  404: "Document introuvable : il a peut-être été supprimé ou appartient à une autre société.",
  409: "Cette demande a changé d'état entre-temps. Actualisez pour voir sa situation actuelle.",
  422: "L'opération est refusée par une règle de gestion.",
  429: "Le service Acompte est très sollicité. Patientez quelques secondes puis réessayez.",
};

const SERVER_DOWN = "Le service Acompte est momentanément indisponible. Réessayez dans un instant.";

/** True when the text reads as French written for users rather than a stack trace or English. */
function usableServerMessage(message: string | undefined): message is string {
  return typeof message === "string" && message.trim().length > 0 && message.length <= 500;
}

export function userErrorFromAnswer(answer: ErrorAnswer): UserError {
  const { status, code = `HTTP_${status}` } = answer;
  const retryable = status === 429 || status >= 500;
  const base = BY_CODE[code] ?? (status >= 500 ? SERVER_DOWN : (BY_STATUS[status] ?? SERVER_DOWN));
  // 5xx messages are not meant for users; for 4xx the server's sentence is the precise reason.
  const precise = status < 500 && usableServerMessage(answer.message) && !BY_CODE[code] ? answer.message.trim() : null;
  const message = precise && precise !== base ? `${base} ${precise}` : base;
  return { message, code, status, details: answer.details, retryable };
}

export function networkError(): UserError {
  return {
    message: "Impossible de joindre le service Acompte. Vérifiez votre connexion puis réessayez.",
    code: "NETWORK",
    retryable: true,
  };
}

export function unreadableAnswer(status: number): UserError {
  return { message: SERVER_DOWN, code: "BAD_RESPONSE", status, retryable: status >= 500 };
}
