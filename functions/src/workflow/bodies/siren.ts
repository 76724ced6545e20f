import { compactIdentifier, sirenProblem } from "../../domain";
import { checkedIdentifier } from "./checked-identifier";

/** A SIREN as typed (spaces allowed), checked (9 digits, Luhn key) and stored as 9 digits. */
export const sirenSchema = checkedIdentifier("doit être un SIREN", 20, sirenProblem, compactIdentifier);
