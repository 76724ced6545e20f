/**
 * camt.053 statements for tests and benches, written the way banks send
 * them: `camt.053.001.08` (valid against its schema) or the older `.001.02`.
 */
import { escapeXml } from "../../src/domain/bank/xml-text";

export interface FakeEntry {
  ref: string;
  amount: string;
  direction: "credit" | "debit";
  bookingDate: string;
  currency?: string;
  reversal?: boolean;
  status?: string;
  endToEndId?: string;
  remittance?: string[];
  creditorReference?: string;
  /** The other party (payer of a credit, payee of a debit). */
  counterpartyName?: string;
  counterpartyIban?: string;
  returnReason?: string;
  /** Several transactions under one entry (batch booking). */
  transactions?: Omit<FakeEntry, "ref" | "direction" | "bookingDate" | "transactions" | "status" | "reversal">[];
}

export interface FakeStatement {
  id: string;
  iban: string;
  currency?: string;
  createdAt?: string;
  closingBalance?: { amount: string; direction: "credit" | "debit"; date: string };
  entries: Iterable<FakeEntry>;
}

type Version = "001.08" | "001.02";
const e = escapeXml;

function party(version: Version, name: string): string {
  return version === "001.08" ? `<Pty><Nm>${e(name)}</Nm></Pty>` : `<Nm>${e(name)}</Nm>`;
}

function txDetails(
  version: Version,
  direction: "credit" | "debit",
  t: NonNullable<FakeEntry["transactions"]>[number],
  withAmount: boolean,
): string {
  const side = direction === "credit" ? "Dbtr" : "Cdtr";
  const parts: string[] = ["<TxDtls>"];
  parts.push(`<Refs><EndToEndId>${e(t.endToEndId ?? "NOTPROVIDED")}</EndToEndId></Refs>`);
  if (withAmount)
    parts.push(
      version === "001.08"
        ? `<Amt Ccy="${t.currency ?? "EUR"}">${t.amount}</Amt><CdtDbtInd>${direction === "credit" ? "CRDT" : "DBIT"}</CdtDbtInd>`
        : `<AmtDtls><TxAmt><Amt Ccy="${t.currency ?? "EUR"}">${t.amount}</Amt></TxAmt></AmtDtls>`,
    );
  if (t.counterpartyName || t.counterpartyIban) {
    parts.push("<RltdPties>");
    if (t.counterpartyName) parts.push(`<${side}>${party(version, t.counterpartyName)}</${side}>`);
    if (t.counterpartyIban)
      parts.push(`<${side}Acct><Id><IBAN>${e(t.counterpartyIban.replace(/\s/g, ""))}</IBAN></Id></${side}Acct>`);
    parts.push("</RltdPties>");
  }
  if (t.remittance?.length || t.creditorReference) {
    parts.push("<RmtInf>");
    for (const line of t.remittance ?? []) parts.push(`<Ustrd>${e(line)}</Ustrd>`);
    if (t.creditorReference)
      parts.push(
        `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${e(t.creditorReference)}</Ref></CdtrRefInf></Strd>`,
      );
    parts.push("</RmtInf>");
  }
  if (t.returnReason) parts.push(`<RtrInf><Rsn><Cd>${e(t.returnReason)}</Cd></Rsn></RtrInf>`);
  parts.push("</TxDtls>");
  return parts.join("");
}

function entryXml(version: Version, n: FakeEntry): string {
  const txs = n.transactions ?? [n];
  const status = n.status ?? "BOOK";
  const code = n.returnReason ? "RRTN" : n.direction === "credit" ? "RCDT" : "ICDT";
  return [
    "<Ntry>",
    `<NtryRef>${e(n.ref)}</NtryRef>`,
    `<Amt Ccy="${n.currency ?? "EUR"}">${n.amount}</Amt>`,
    `<CdtDbtInd>${n.direction === "credit" ? "CRDT" : "DBIT"}</CdtDbtInd>`,
    n.reversal ? "<RvslInd>true</RvslInd>" : "",
    version === "001.08" ? `<Sts><Cd>${status}</Cd></Sts>` : `<Sts>${status}</Sts>`,
    `<BookgDt><Dt>${n.bookingDate}</Dt></BookgDt>`,
    `<ValDt><Dt>${n.bookingDate}</Dt></ValDt>`,
    `<AcctSvcrRef>${e(n.ref)}</AcctSvcrRef>`,
    `<BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>${n.direction === "credit" ? "RCDT" : "ICDT"}</Cd><SubFmlyCd>${code === "RRTN" ? "RRTN" : "ESCT"}</SubFmlyCd></Fmly></Domn></BkTxCd>`,
    `<NtryDtls>${txs.map((t) => txDetails(version, n.direction, t, txs.length > 1)).join("")}</NtryDtls>`,
    "</Ntry>",
  ].join("");
}

/** One statement file; pieces are yielded one by one so a 10,000-entry file can be streamed. */
export function* camtStatementChunks(statement: FakeStatement, version: Version = "001.08"): Generator<string> {
  const created = statement.createdAt ?? "2026-12-01T06:00:00";
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.${version}"><BkToCstmrStmt>`;
  yield `<GrpHdr><MsgId>${e(statement.id)}-MSG</MsgId><CreDtTm>${created}</CreDtTm></GrpHdr>`;
  yield `<Stmt><Id>${e(statement.id)}</Id><CreDtTm>${created}</CreDtTm>`;
  yield `<Acct><Id><IBAN>${e(statement.iban)}</IBAN></Id><Ccy>${statement.currency ?? "EUR"}</Ccy></Acct>`;
  const bal = statement.closingBalance ?? { amount: "0.00", direction: "credit", date: created.slice(0, 10) };
  yield `<Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">${bal.amount}</Amt><CdtDbtInd>${bal.direction === "credit" ? "CRDT" : "DBIT"}</CdtDbtInd><Dt><Dt>${bal.date}</Dt></Dt></Bal>`;
  for (const entry of statement.entries) yield entryXml(version, entry) + "\n";
  yield "</Stmt></BkToCstmrStmt></Document>\n";
}

/** The whole statement file as one string. */
export function camtStatement(statement: FakeStatement, version: Version = "001.08"): string {
  return [...camtStatementChunks(statement, version)].join("");
}
