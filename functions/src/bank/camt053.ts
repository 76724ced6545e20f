/**
 * Streaming reader of ISO 20022 `camt.053` statements (`.001.08` and the
 * `.001.02` many French banks still send). Chunks go in as they arrive, entries
 * come out one by one: a statement of any length never sits in memory whole.
 * No DTD is processed at all (a DOCTYPE is refused, so no entity can expand or
 * reach outside the file), the size is capped, and every refusal is French.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
import { isValidCalendarDate } from "../domain/dates/calendar-date";
import { EngineValidationError } from "../domain/errors/engine-error";
import { formatMoney, money } from "../domain/money/money";
import { ibanProblem, normaliseIban } from "../domain/bank/iban";
import type { EntryTransaction, StatementEntry, StatementSummary } from "../domain/bank/statement-entry";

/** The camt.053 versions read, by namespace. */
export const CAMT053_NAMESPACES = {
  "001.02": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02",
  "001.08": "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08",
} as const;

/** Default cap on a statement file: 20 MiB holds far more than a month of a busy SME account. */
export const CAMT_MAX_BYTES = 20 * 1024 * 1024;

const MIB = 1024 * 1024;

/** A refusal of a statement file (HTTP 400): the file, not one field, is at fault. */
function refuse(message: string): never {
  throw new EngineValidationError([{ path: "file", message }]);
}

interface TxDraft {
  endToEndId?: string;
  amount?: string;
  currency?: string;
  ustrd: string[];
  creditorReference?: string;
  debtorName?: string;
  debtorIban?: string;
  creditorName?: string;
  creditorIban?: string;
  returnReason?: string;
}

interface EntryDraft {
  ntryRef?: string;
  acctSvcrRef?: string;
  amount?: string;
  currency?: string;
  cdtDbt?: string;
  reversal?: string;
  status?: string;
  bookingDate?: string;
  valueDate?: string;
  info?: string;
  returnInfo: boolean;
  txs: TxDraft[];
}

interface StatementDraft {
  id?: string;
  iban?: string;
  currency?: string;
  balanceType?: string;
  balanceAmount?: string;
  balanceSign?: string;
  balanceDate?: string;
  closingBalance?: string;
  closingDate?: string;
  entries: number;
  skipped: number;
}

export interface Camt053ReaderOptions {
  /** Called for each booked entry, in file order. */
  onEntry(entry: StatementEntry): void;
  /** Refuse files above this many bytes (default `CAMT_MAX_BYTES`). */
  maxBytes?: number;
}

const DECIMAL = /^\d{1,13}(\.\d{1,5})?$/;

/**
 * Push-style reader: `write()` each chunk (bytes or text), then `end()` for
 * the statements' summaries. Throws `EngineValidationError` with a French
 * message on a DOCTYPE or entity, malformed XML, a file that is not camt.053,
 * a currency other than EUR, a missing field or a file above `maxBytes`.
 */
export class Camt053Reader {
  readonly version: { value?: keyof typeof CAMT053_NAMESPACES } = {};
  private readonly parser = new SaxesParser({ xmlns: true, position: true });
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });
  private readonly maxBytes: number;
  private bytes = 0;
  private readonly stack: string[] = [];
  private text = "";
  private statement?: StatementDraft;
  private statementDepth = -1;
  private entry?: EntryDraft;
  private entryDepth = -1;
  private tx?: TxDraft;
  private pendingCcy?: string;
  private txDepth = -1;
  private readonly summaries: StatementSummary[] = [];
  private failure?: Error;

  constructor(private readonly options: Camt053ReaderOptions) {
    this.maxBytes = options.maxBytes ?? CAMT_MAX_BYTES;
    this.parser.on("doctype", () =>
      refuse(
        "Relevé bancaire refusé : il contient une déclaration DOCTYPE (DTD, entités), interdite dans un relevé camt.053.",
      ),
    );
    this.parser.on("error", (error) => {
      throw error;
    });
    this.parser.on("opentag", (tag) => this.open(tag));
    this.parser.on("text", (t) => (this.text += t));
    this.parser.on("cdata", (t) => (this.text += t));
    this.parser.on("closetag", () => this.close());
  }

  /** Feeds the next chunk of the file. */
  write(chunk: string | Uint8Array): void {
    if (this.failure) throw this.failure;
    this.bytes += typeof chunk === "string" ? Buffer.byteLength(chunk, "utf8") : chunk.byteLength;
    if (this.bytes > this.maxBytes)
      refuse(
        `Relevé bancaire refusé : le fichier dépasse la taille maximale de ${Math.round(this.maxBytes / MIB)} Mo.`,
      );
    let textChunk: string;
    try {
      textChunk = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    } catch {
      refuse("Relevé bancaire illisible : le fichier n'est pas encodé en UTF-8.");
    }
    this.guard(() => this.parser.write(textChunk));
  }

  /** Ends the file: the summaries of its statements. */
  end(): StatementSummary[] {
    if (this.failure) throw this.failure;
    let rest = "";
    try {
      rest = this.decoder.decode();
    } catch {
      refuse("Relevé bancaire illisible : le fichier n'est pas encodé en UTF-8.");
    }
    this.guard(() => {
      if (rest) this.parser.write(rest);
      this.parser.close();
    });
    if (!this.version.value)
      refuse("Relevé bancaire refusé : ce fichier n'est pas un relevé camt.053 (versions 001.02 et 001.08 acceptées).");
    if (this.summaries.length === 0) refuse("Relevé bancaire refusé : le fichier ne contient aucun relevé (Stmt).");
    return this.summaries;
  }

  /** XML errors from saxes are English and technical: the user gets the line, in French. */
  private guard(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.failure =
        error instanceof EngineValidationError
          ? error
          : new EngineValidationError([
              {
                path: "file",
                message: `Relevé bancaire illisible : XML mal formé ligne ${this.parser.line}${
                  /entity/i.test(String((error as Error).message)) ? " (entité inconnue ou interdite)" : ""
                }.`,
              },
            ]);
      throw this.failure;
    }
  }

  private open(tag: SaxesTagNS): void {
    const depth = this.stack.length;
    if (depth === 0) {
      const version = (Object.keys(CAMT053_NAMESPACES) as (keyof typeof CAMT053_NAMESPACES)[]).find(
        (v) => CAMT053_NAMESPACES[v] === tag.uri,
      );
      if (tag.local !== "Document" || !version)
        refuse(
          "Relevé bancaire refusé : ce fichier n'est pas un relevé camt.053 (versions 001.02 et 001.08 acceptées).",
        );
      this.version.value = version;
    }
    this.stack.push(tag.local);
    this.text = "";
    if (tag.local === "Stmt" && this.statement === undefined) {
      this.statement = { entries: 0, skipped: 0 };
      this.statementDepth = depth;
    } else if (tag.local === "Ntry" && this.statement && this.entry === undefined) {
      this.entry = { txs: [], returnInfo: false };
      this.entryDepth = depth;
    } else if (tag.local === "TxDtls" && this.entry && this.tx === undefined) {
      this.tx = { ustrd: [] };
      this.txDepth = depth;
    }
    // The currency of the amount about to close.
    if (tag.local === "Amt") this.pendingCcy = tag.attributes.Ccy?.value;
  }

  private close(): void {
    const depth = this.stack.length - 1;
    const value = this.text.trim();
    const path = (from: number) => this.stack.slice(from + 1).join("/");
    if (this.tx) {
      if (depth === this.txDepth) {
        this.entry!.txs.push(this.tx);
        this.tx = undefined;
      } else this.txField(path(this.txDepth), value);
    } else if (this.entry) {
      if (depth === this.entryDepth) {
        this.finishEntry(this.entry);
        this.entry = undefined;
      } else this.entryField(path(this.entryDepth), value);
    } else if (this.statement) {
      if (depth === this.statementDepth) {
        this.finishStatement(this.statement);
        this.statement = undefined;
      } else this.statementField(path(this.statementDepth), value);
    }
    this.stack.pop();
    this.text = "";
  }

  private statementField(path: string, value: string): void {
    const s = this.statement!;
    switch (path) {
      case "Id":
        s.id = value;
        break;
      case "Acct/Id/IBAN":
        s.iban = value;
        break;
      case "Acct/Ccy":
        s.currency = value;
        break;
      case "Bal/Tp/CdOrPrtry/Cd":
        s.balanceType = value;
        break;
      case "Bal/Amt":
        s.balanceAmount = value;
        break;
      case "Bal/CdtDbtInd":
        s.balanceSign = value;
        break;
      case "Bal/Dt/Dt":
        s.balanceDate = value;
        break;
      case "Bal/Dt/DtTm":
        s.balanceDate = value.slice(0, 10);
        break;
      case "Bal":
        if (s.balanceType === "CLBD" && s.balanceAmount && DECIMAL.test(s.balanceAmount)) {
          s.closingBalance = formatMoney(money(s.balanceAmount).times(s.balanceSign === "DBIT" ? -1 : 1));
          s.closingDate = s.balanceDate;
        }
        s.balanceType = s.balanceAmount = s.balanceSign = s.balanceDate = undefined;
        break;
      case "Acct":
        this.checkAccount(s);
        break;
    }
  }

  private checkAccount(s: StatementDraft): void {
    const where = `Relevé ${s.id ?? "sans identifiant"}`;
    if (!s.iban) refuse(`${where} : IBAN du compte manquant (Acct/Id/IBAN).`);
    const problem = ibanProblem(s.iban);
    if (problem) refuse(`${where} : IBAN du compte invalide (${problem}).`);
    if (s.currency && s.currency !== "EUR")
      refuse(`${where} : compte en ${s.currency}, seuls les comptes en euros (EUR) sont acceptés.`);
  }

  private entryField(path: string, value: string): void {
    const e = this.entry!;
    switch (path) {
      case "NtryRef":
        e.ntryRef = value;
        break;
      case "AcctSvcrRef":
        e.acctSvcrRef = value;
        break;
      case "Amt":
        e.amount = value;
        e.currency = this.pendingCcy;
        break;
      case "CdtDbtInd":
        e.cdtDbt = value;
        break;
      case "RvslInd":
        e.reversal = value;
        break;
      case "Sts":
      case "Sts/Cd":
        if (value) e.status = value;
        break;
      case "BookgDt/Dt":
        e.bookingDate = value;
        break;
      case "BookgDt/DtTm":
        e.bookingDate = value.slice(0, 10);
        break;
      case "ValDt/Dt":
        e.valueDate = value;
        break;
      case "AddtlNtryInf":
        e.info = value;
        break;
    }
  }

  private txField(path: string, value: string): void {
    const t = this.tx!;
    switch (path) {
      case "Refs/EndToEndId":
        t.endToEndId = value;
        break;
      case "Amt":
      case "AmtDtls/TxAmt/Amt":
        if (t.amount === undefined || path === "Amt") {
          t.amount = value;
          t.currency = this.pendingCcy;
        }
        break;
      case "RltdPties/Dbtr/Nm":
      case "RltdPties/Dbtr/Pty/Nm":
        t.debtorName = value;
        break;
      case "RltdPties/Cdtr/Nm":
      case "RltdPties/Cdtr/Pty/Nm":
        t.creditorName = value;
        break;
      case "RltdPties/DbtrAcct/Id/IBAN":
        t.debtorIban = value;
        break;
      case "RltdPties/CdtrAcct/Id/IBAN":
        t.creditorIban = value;
        break;
      case "RmtInf/Ustrd":
        if (value) t.ustrd.push(value);
        break;
      case "RmtInf/Strd/CdtrRefInf/Ref":
        t.creditorReference = value;
        break;
      case "RtrInf/Rsn/Cd":
        t.returnReason = value;
        break;
      case "RtrInf":
        this.entry!.returnInfo = true;
        break;
    }
  }

  private finishEntry(e: EntryDraft): void {
    const s = this.statement!;
    const n = s.entries + s.skipped + 1;
    const where = `Relevé ${s.id ?? "sans identifiant"}, opération n° ${n}`;
    if (!s.iban) refuse(`${where} : IBAN du compte manquant (Acct/Id/IBAN).`);
    // Pending and information-only entries may still change: only booked ones are recorded.
    if (e.status !== undefined && e.status !== "BOOK") {
      s.skipped++;
      return;
    }
    const missing = (what: string) => refuse(`${where} : ${what} manquant(e).`);
    if (e.amount === undefined) missing("montant (Amt)");
    if (!DECIMAL.test(e.amount!)) refuse(`${where} : montant « ${e.amount!.slice(0, 20)} » invalide.`);
    if (e.currency !== "EUR")
      refuse(`${where} : devise ${e.currency ?? "absente"} refusée, seuls les montants en euros (EUR) sont acceptés.`);
    if (e.cdtDbt !== "CRDT" && e.cdtDbt !== "DBIT") missing("sens crédit/débit (CdtDbtInd)");
    if (e.bookingDate === undefined) missing("date de comptabilisation (BookgDt)");
    if (!isValidCalendarDate(e.bookingDate!)) refuse(`${where} : date de comptabilisation invalide.`);
    const entryRef = e.acctSvcrRef || e.ntryRef;
    if (!entryRef) missing("référence de l'opération (AcctSvcrRef ou NtryRef)");
    const direction = e.cdtDbt === "CRDT" ? "credit" : "debit";
    const amount = formatMoney(money(e.amount!));
    const txs = e.txs.length > 0 ? e.txs : [{ ustrd: [] } as TxDraft];
    const transactions = txs.map((t): EntryTransaction => {
      if (t.amount !== undefined && (t.currency !== "EUR" || !DECIMAL.test(t.amount)))
        refuse(`${where} : montant de transaction invalide ou hors euros.`);
      // The counterparty of a credit is who paid us; of a debit, who we paid (or, for a return, who sent it back).
      const name = direction === "credit" ? t.debtorName : t.creditorName;
      const rawIban = direction === "credit" ? t.debtorIban : t.creditorIban;
      const iban = rawIban && ibanProblem(rawIban) === null ? normaliseIban(rawIban) : undefined;
      return strip({
        endToEndId: t.endToEndId && t.endToEndId !== "NOTPROVIDED" ? t.endToEndId : undefined,
        amount: t.amount !== undefined && txs.length > 1 ? formatMoney(money(t.amount)) : amount,
        remittance: t.ustrd.length > 0 ? t.ustrd.join(" ") : undefined,
        creditorReference: t.creditorReference || undefined,
        counterpartyName: name || undefined,
        counterpartyIban: iban,
        returnReason: t.returnReason || undefined,
      });
    });
    const reversal = e.reversal === "true" || e.reversal === "1";
    s.entries++;
    this.options.onEntry(
      strip({
        accountIban: normaliseIban(s.iban!),
        statementId: s.id ?? "",
        entryRef: entryRef!,
        bookingDate: e.bookingDate!,
        valueDate: e.valueDate && isValidCalendarDate(e.valueDate) ? e.valueDate : undefined,
        amount,
        direction,
        reversal,
        returned: reversal || e.returnInfo || transactions.some((t) => t.returnReason !== undefined),
        additionalInfo: e.info || undefined,
        transactions,
      }),
    );
  }

  private finishStatement(s: StatementDraft): void {
    if (!s.id) refuse("Relevé bancaire refusé : identifiant du relevé (Stmt/Id) manquant.");
    if (!s.iban) refuse(`Relevé ${s.id} : IBAN du compte manquant (Acct/Id/IBAN).`);
    this.summaries.push(
      strip({
        statementId: s.id!,
        accountIban: normaliseIban(s.iban!),
        closingBalance: s.closingBalance,
        closingDate: s.closingDate,
        entries: s.entries,
        skipped: s.skipped,
      }),
    );
  }
}

/** Drops undefined fields, so entries compare and store cleanly. */
function strip<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * Reads a whole camt.053 file already in memory (tests, small uploads):
 * its statements and every booked entry.
 */
export function parseCamt053(
  file: string | Uint8Array,
  options: { maxBytes?: number } = {},
): { statements: StatementSummary[]; entries: StatementEntry[] } {
  const entries: StatementEntry[] = [];
  const reader = new Camt053Reader({ onEntry: (e) => entries.push(e), maxBytes: options.maxBytes });
  reader.write(file);
  return { statements: reader.end(), entries };
}
