import { schemas } from "../../domain";

/**
 * An order's reference as a client or a sheet row types it; deposits and
 * invoices are found by it (also as the `?orderRef=` of GET …/deposits).
 */
export const orderRefSchema = schemas.text({
  error: "doit être une référence de commande",
  required: "la référence de commande est obligatoire",
  max: 64,
  tooLong: "64 caractères au plus",
});

/** Where the reference is optional (an external invoice): may be empty. */
export const optionalOrderRefSchema = schemas.text({ error: "doit être une référence de commande", max: 64 });
