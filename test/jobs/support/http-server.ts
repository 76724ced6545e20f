import express from "express";
import type { AddressInfo } from "node:net";
import type { HttpFunction } from "@google-cloud/functions-framework";

/** Serves one HTTP function on loopback, parsed like the Functions Framework does (JSON bodies). */
export async function serve(fn: HttpFunction): Promise<{ url: string; close: () => Promise<void> }> {
  const app = express();
  app.use(express.json());
  app.all("/", (req, res) => {
    Promise.resolve(fn(req, res)).catch((e) => res.status(500).json({ error: String(e) }));
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

/** Calls a served job as Cloud Scheduler does (its OIDC token, the schedule time) and returns the 200's body. */
export async function schedulerCall(url: string, token: string, scheduleTime: string): Promise<unknown> {
  const res = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "x-cloudscheduler-scheduletime": scheduleTime },
  });
  expect(res.status).toBe(200);
  return res.json();
}
