/** Delivery hooks that SIGKILL this process at the Nth claim ("lease") or the Nth accepted send ("send"). */
export function killAt(point: string, n: number) {
  let count = 0;
  const die = (at: string) => () => {
    if (at === point && ++count === n) process.kill(process.pid, "SIGKILL");
  };
  return { afterLease: die("lease"), afterSend: die("send") };
}
