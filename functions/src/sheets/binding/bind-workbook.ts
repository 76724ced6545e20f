/**
 * Binding a workbook to a company, in one transaction: the registry entry
 * `workbooks/{spreadsheetId}` is created (never overwritten: a workbook
 * bound elsewhere is refused), the spreadsheet joins the company's
 * `spreadsheetIds`, the binding code is consumed and the audit event
 * written. Two companies binding one workbook at once: both transactions
 * read the absent entry, Firestore lets one commit and retries the other,
 * which then finds the entry and is refused.
 */
import { FieldValue, type Firestore } from "@google-cloud/firestore";
import { ApiError, conflict } from "../../errors/api-error";
import { BINDING_CODES } from "../../model/collections";
import type { BindingCodeDoc, WorkbookDoc } from "../../model/workbook";
import { companyRef } from "../../storage/refs";
import { runUnkeyed, type UnkeyedRequest } from "../../storage/run-unkeyed";
import type { UnitOfWork } from "../../storage/unit-of-work";
import { bindingCodeHash } from "./binding-code";
import { workbookRef } from "./workbook-registry";

/** What proves the caller may bind: codes read back from the workbook, or an operator's own tool (npm start, tools/). */
export type BindingProof = { kind: "codes"; codes: readonly string[] } | { kind: "operator" };

export interface BindingAnswer {
  spreadsheetId: string;
  /** `new`: bound by this call; `existing`: it already was, to this company (a repair). */
  binding: "new" | "existing";
}

export function workbookBoundElsewhere(): ApiError {
  return conflict(
    "WORKBOOK_BOUND_ELSEWHERE",
    "Ce classeur est déjà associé à une autre société dans Acompte : un classeur ne sert qu'une seule société. Créez un nouveau classeur Google Sheets pour celle-ci.",
  );
}

const REFUSALS = {
  BINDING_CODE_MISSING:
    "Ce classeur n'a pas pu être vérifié : lancez « Installer ou réparer le classeur » depuis le menu Acompte de ce classeur même, avec un compte qui peut le modifier.",
  BINDING_CODE_EXPIRED:
    "Le code d'association écrit dans ce classeur a expiré (il vaut 10 minutes) : relancez « Installer ou réparer le classeur ».",
  BINDING_CODE_USED:
    "Le code d'association écrit dans ce classeur a déjà servi : relancez « Installer ou réparer le classeur » pour en obtenir un nouveau.",
};

function refused(code: keyof typeof REFUSALS): ApiError {
  return new ApiError(403, code, REFUSALS[code]);
}

/**
 * The code among `docs` (read for the candidates, in order) that proves the
 * binding, or the refusal that says best why none does: a code issued for
 * this spreadsheet but used or expired says so; anything else (no code, a
 * code of another company or another spreadsheet) is « missing ».
 */
function usableCode(
  uow: UnitOfWork,
  spreadsheetId: string,
  candidates: { ref: FirebaseFirestore.DocumentReference; doc: BindingCodeDoc | null }[],
) {
  let reason: keyof typeof REFUSALS = "BINDING_CODE_MISSING";
  for (const { ref, doc } of candidates) {
    if (!doc || doc.spreadsheetId !== spreadsheetId) continue;
    if (doc.usedAt) reason = "BINDING_CODE_USED";
    else if (doc.expiresAt.toMillis() <= uow.now.getTime()) {
      if (reason === "BINDING_CODE_MISSING") reason = "BINDING_CODE_EXPIRED";
    } else return ref;
  }
  throw refused(reason);
}

/** Binds `spreadsheetId` to the unit of work's company (or finds it already bound there). */
export async function bindWorkbook(
  uow: UnitOfWork,
  spreadsheetId: string,
  proof: BindingProof,
): Promise<BindingAnswer> {
  const registry = workbookRef(uow.db, spreadsheetId);
  const codeRefs =
    proof.kind === "codes" ? proof.codes.map((c) => uow.collection(BINDING_CODES).doc(bindingCodeHash(c))) : [];
  const [entry, ...codes] = await uow.getAll<WorkbookDoc | BindingCodeDoc>([registry, ...codeRefs]);
  const owner = (entry as WorkbookDoc | null)?.companyId;
  if (owner && owner !== uow.companyId) throw workbookBoundElsewhere();
  if (owner) return { spreadsheetId, binding: "existing" };
  const code =
    proof.kind === "codes"
      ? usableCode(
          uow,
          spreadsheetId,
          codeRefs.map((ref, i) => ({ ref, doc: codes[i] as BindingCodeDoc | null })),
        )
      : null;
  const doc: WorkbookDoc = {
    companyId: uow.companyId,
    boundAt: uow.timestamp,
    boundBy: uow.actor,
    proof: code ? "binding_code" : "operator",
  };
  uow.create(registry, doc);
  uow.update(companyRef(uow.db, uow.companyId), { spreadsheetIds: FieldValue.arrayUnion(spreadsheetId) });
  if (code) uow.update(code, { usedAt: uow.timestamp, usedBy: uow.actor });
  uow.event("workbook.bound", { kind: "workbook", id: spreadsheetId }, null, {
    companyId: uow.companyId,
    proof: doc.proof,
  });
  return { spreadsheetId, binding: "new" };
}

/** An operator's binding (npm start's demo workbooks, tools): same registry, same transaction, no code. */
export async function bindWorkbookAsOperator(
  db: Firestore,
  req: UnkeyedRequest,
  spreadsheetId: string,
): Promise<BindingAnswer> {
  const { result } = await runUnkeyed(db, req, (uow) => bindWorkbook(uow, spreadsheetId, { kind: "operator" }));
  return result;
}
