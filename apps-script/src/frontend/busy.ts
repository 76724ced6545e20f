/**
 * Runs an action with its buttons disabled and marked busy, so a second
 * click while a call runs does nothing.
 */
export async function whileBusy<T>(
  buttons: HTMLButtonElement[],
  action: () => Promise<T>,
  busyLabel?: string,
): Promise<T | undefined> {
  if (buttons.some((b) => b.getAttribute("aria-busy") === "true")) return undefined;
  const labels = buttons.map((b) => b.textContent);
  const disabled = buttons.map((b) => b.disabled);
  buttons.forEach((b) => {
    b.disabled = true;
    b.setAttribute("aria-busy", "true");
  });
  if (busyLabel && buttons[0]) buttons[0].textContent = busyLabel;
  try {
    return await action();
  } finally {
    buttons.forEach((b, i) => {
      b.removeAttribute("aria-busy");
      b.disabled = disabled[i];
      b.textContent = labels[i];
    });
  }
}
