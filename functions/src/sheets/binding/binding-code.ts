/**
 * One-time binding codes. An admin, in the add-on running inside the
 * spreadsheet, asks for one; the add-on writes it into the spreadsheet's
 * developer metadata (PROJECT visibility); the setup reads it back with the
 * functions' own access and binds only if it matches, is fresh and unused.
 * Only someone who can edit that spreadsheet can put the code there — the
 * proof that the caller works in it. See docs/workbook-binding.md.
 */
import { createHash, randomBytes } from "node:crypto";
import { Timestamp, type Firestore } from "@google-cloud/firestore";
import { BINDING_CODES } from "../../model/collections";
import type { BindingCodeDoc } from "../../model/workbook";
import { runUnkeyed, type UnkeyedRequest } from "../../storage/run-unkeyed";
import type { SheetsGateway } from "../sheets-gateway";

/** The developer metadata key the add-on writes the code under. */
export const BINDING_METADATA_KEY = "acompte.bindingCode";

/** Long enough for the add-on to write the code and call setup, short enough that a leaked code is soon worthless. */
export const BINDING_CODE_TTL_MS = 10 * 60_000;

/** At most this many codes found in one workbook are checked (anyone who can edit it can add entries). */
const MAX_CANDIDATES = 20;

/** 256 random bits, base64url: what the add-on writes and the setup reads back. */
const CODE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function bindingCodeHash(code: string): string {
  return createHash("sha256").update(code).digest("hex");
}

export interface IssuedCode {
  code: string;
  expiresAt: Date;
}

/** Stores the hash of a new code for `spreadsheetId`, with its audit event; the code itself is only answered. */
export async function issueBindingCode(db: Firestore, req: UnkeyedRequest, spreadsheetId: string): Promise<IssuedCode> {
  const code = randomBytes(32).toString("base64url");
  const expiresAt = new Date(req.now.getTime() + BINDING_CODE_TTL_MS);
  await runUnkeyed(db, req, async (uow) => {
    const ref = uow.collection(BINDING_CODES).doc(bindingCodeHash(code));
    const doc: BindingCodeDoc = {
      spreadsheetId,
      requestedBy: req.actor,
      createdAt: uow.timestamp,
      expiresAt: Timestamp.fromDate(expiresAt),
      usedAt: null,
      usedBy: null,
    };
    uow.create(ref, doc);
    uow.event("workbook.binding_code_issued", { kind: "workbook", id: spreadsheetId }, null, {
      expiresAt: doc.expiresAt,
    });
  });
  return { code, expiresAt };
}

export interface CodesInWorkbook {
  /** The values found under BINDING_METADATA_KEY that look like codes, newest last, at most MAX_CANDIDATES. */
  codes: string[];
  /** Every entry under the key, to remove once the workbook is bound. */
  metadataIds: number[];
}

/**
 * The codes written into the workbook, read with the functions' access.
 * Only PROJECT entries count: those were written through Acompte's own
 * project (the add-on), not by another app that can edit the file.
 */
export async function bindingCodesIn(gateway: SheetsGateway, spreadsheetId: string): Promise<CodesInWorkbook> {
  const entries = await gateway.findDeveloperMetadata(spreadsheetId, {
    metadataKey: BINDING_METADATA_KEY,
    locationType: "SPREADSHEET",
    visibility: "PROJECT",
  });
  const codes = entries.map((e) => e.metadataValue ?? "").filter((v) => CODE_SHAPE.test(v));
  return {
    codes: [...new Set(codes)].slice(-MAX_CANDIDATES),
    metadataIds: entries.flatMap((e) => (typeof e.metadataId === "number" ? [e.metadataId] : [])),
  };
}

/** Removes the code entries read before the binding: they have served (or never will). */
export async function removeBindingCodes(
  gateway: SheetsGateway,
  spreadsheetId: string,
  metadataIds: readonly number[],
): Promise<void> {
  await gateway.batchUpdate(
    spreadsheetId,
    metadataIds.map((metadataId) => ({
      deleteDeveloperMetadata: { dataFilter: { developerMetadataLookup: { metadataId } } },
    })),
  );
}
