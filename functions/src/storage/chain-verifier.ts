import type { Firestore } from "@google-cloud/firestore";
import type { ChainLink } from "../model/chain";
import { SEQUENCES } from "../model/collections";
import type { SequenceDoc } from "../model/sequence";
import { chainHash } from "./chain-hash";
import { companyCollection } from "./refs";
import { SERIES } from "./series";

export interface BrokenLink {
  series: string;
  /** Document path, e.g. companies/acme/creditNotes/abc. */
  path: string;
  id: string;
  number: string | null;
  problem: string;
}

export interface ChainReport {
  series: string;
  count: number;
  ok: boolean;
  firstBroken: BrokenLink | null;
}

export interface VerificationReport {
  ok: boolean;
  chains: ChainReport[];
  firstBroken: BrokenLink | null;
}

/**
 * Walks every chained series of a company in order and recomputes each
 * hash: an edited document, a removed or inserted one, or a rewritten
 * chain head is reported with the first document where the chain breaks.
 */
export async function verifyChains(db: Firestore, companyId: string): Promise<VerificationReport> {
  const sequences = await companyCollection(db, companyId, SEQUENCES).get();
  const chains: ChainReport[] = [];
  for (const seqDoc of sequences.docs.sort((a, b) => a.id.localeCompare(b.id))) {
    const head = seqDoc.data() as SequenceDoc;
    const collection = companyCollection(db, companyId, SERIES[head.kind].collection);
    const docs = await collection.where("series", "==", seqDoc.id).orderBy("seq").get();
    let prevHash = "";
    let broken: BrokenLink | null = null;
    let expected = 1;
    for (const d of docs.docs) {
      const link = d.data() as ChainLink & { content: { number?: string }; number?: string };
      const at = (problem: string): BrokenLink => ({
        series: seqDoc.id,
        path: d.ref.path,
        id: d.id,
        number: link.number ?? link.content?.number ?? null,
        problem,
      });
      if (link.seq !== expected)
        broken = at(`numéro d'ordre ${link.seq} au lieu de ${expected} (document manquant ou inséré)`);
      else if (link.prevHash !== prevHash) broken = at("le lien vers le document précédent ne correspond pas");
      else if (chainHash(seqDoc.id, link.seq, link.prevHash, link.content) !== link.hash)
        broken = at("le contenu a été modifié après émission (empreinte SHA-256 différente)");
      else if (link.number !== undefined && link.content?.number !== link.number)
        broken = at("le numéro affiché ne correspond pas au contenu scellé");
      if (broken) break;
      prevHash = link.hash;
      expected++;
    }
    if (!broken && (head.last !== docs.size || head.lastHash !== prevHash)) {
      broken = {
        series: seqDoc.id,
        path: seqDoc.ref.path,
        id: seqDoc.id,
        number: null,
        problem: `la série annonce ${head.last} documents, ${docs.size} trouvés (document supprimé ou tête de chaîne modifiée)`,
      };
    }
    chains.push({ series: seqDoc.id, count: docs.size, ok: !broken, firstBroken: broken });
  }
  const firstBroken = chains.find((c) => c.firstBroken)?.firstBroken ?? null;
  return { ok: !firstBroken, chains, firstBroken };
}
