/** Runs one bench file (its default export) in this process. */
async function main(): Promise<void> {
  const file = process.argv[2];
  const bench = (await import(file)) as { default?: () => Promise<void> };
  if (typeof bench.default !== "function") throw new Error(`${file} has no default export`);
  await bench.default();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
