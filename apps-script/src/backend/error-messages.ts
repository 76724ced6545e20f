/**
 * French messages for what the functions answer. The functions already send a
 * French message; the add-on puts it in context (what happened, what to do)
 * and never shows a raw status code or an English text to a finance user.
 */
import type { ApiErrorCode } from "../interfaces/api";
import type { UserError } from "../interfaces/result";

interface ErrorAnswer {
  status: number;
  code?: string;
  message?: string;
  details?: { path: string; message: string }[];
}

/** Codes whose meaning for the add-on's user is better said by the add-on itself (codes of the contract only). */
const BY_CODE: Partial<Record<ApiErrorCode, string>> = {
  SHEET_SYNC_BUSY: "Le classeur est déjà en cours de mise à jour. Réessayez dans quelques secondes.",
  IDEMPOTENCY_KEY_REUSED:
    "Cette soumission a déjà été envoyée avec un contenu différent. Rechargez le formulaire puis réessayez.",
  // Conflicts no refresh resolves: « Actualisez » would mislead.
  WORKBOOK_BOUND_ELSEWHERE:
    "Ce classeur est déjà associé à une autre société dans Acompte : un classeur ne sert qu'une seule société. Créez un nouveau classeur Google Sheets pour la vôtre.",
  SHEET_NOT_SHARED:
    "Acompte n'a pas accès à ce classeur : partagez-le en tant qu'éditeur avec le compte de service d'Acompte (votre administrateur le connaît), puis recommencez.",
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

/** A message worth showing: present and of a reasonable length. */
function usableServerMessage(message: string | undefined): message is string {
  return typeof message === "string" && message.trim().length > 0 && message.length <= 500;
}

/**
 * For 4xx answers the functions' French sentence is the precise reason and is
 * shown as is (409 adds what to do next); our own sentence stands in when it
 * is missing. 401 and 5xx are always ours: their texts are not for users.
 */
export function userErrorFromAnswer(answer: ErrorAnswer): UserError {
  const { status, code = `HTTP_${status}` } = answer;
  const retryable = status === 429 || status >= 500;
  const fallback = status >= 500 ? SERVER_DOWN : (BY_STATUS[status] ?? SERVER_DOWN);
  const own = (BY_CODE as Record<string, string | undefined>)[code];
  const server = usableServerMessage(answer.message) ? answer.message.trim() : null;
  let message: string;
  if (own) message = own;
  else if (status === 401 || status === 429 || status >= 500 || !server) message = fallback;
  else if (status === 409) message = `${server} Actualisez pour voir la situation actuelle.`;
  else message = server;
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
