import { CompanyQueue } from "../../functions/src/storage/company-queue";

/** A task that records when it starts and ends, and finishes when told. */
function gate(log: string[], name: string) {
  let open!: () => void;
  let fail!: (e: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    open = () => resolve(name);
    fail = reject;
  });
  return {
    task: async () => {
      log.push(`${name} start`);
      try {
        return await done;
      } finally {
        log.push(`${name} end`);
      }
    },
    open,
    fail,
  };
}

const tick = () => new Promise((r) => setImmediate(r));

test("tasks of one company run one at a time, in arrival order; another company's run meanwhile", async () => {
  const queue = new CompanyQueue();
  const log: string[] = [];
  const [a1, a2, b1] = [gate(log, "a1"), gate(log, "a2"), gate(log, "b1")];
  const results = [queue.run("a", a1.task), queue.run("a", a2.task), queue.run("b", b1.task)];
  await tick();
  expect(log).toEqual(["a1 start", "b1 start"]);
  a2.open(); // finishing a2's work early does not let it start before a1 ends
  await tick();
  expect(log).toEqual(["a1 start", "b1 start"]);
  a1.open();
  b1.open();
  expect(await Promise.all(results)).toEqual(["a1", "a2", "b1"]);
  expect(log.indexOf("a2 start")).toBeGreaterThan(log.indexOf("a1 end"));
  await tick();
  expect(queue.busy).toBe(0);
});

test("a failed task rejects for its caller only: the next one of the company still runs", async () => {
  const queue = new CompanyQueue();
  const log: string[] = [];
  const [first, second] = [gate(log, "first"), gate(log, "second")];
  const failed = queue.run("a", first.task);
  const next = queue.run("a", second.task);
  first.fail(new Error("ABORTED"));
  await expect(failed).rejects.toThrow("ABORTED");
  second.open();
  await expect(next).resolves.toBe("second");
  expect(log).toEqual(["first start", "first end", "second start", "second end"]);
  await tick();
  expect(queue.busy).toBe(0);
});
