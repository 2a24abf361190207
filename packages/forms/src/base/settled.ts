/**
 * `settled(root)`: waits until `root` and every Lit element below it finished rendering (nested dispatch
 * included), e.g. before focusing a field that a step change or a new array item has just rendered.
 */
export async function settled(root: Element): Promise<void> {
  for (let pass = 0; pass < 4; pass++) {
    const pending = [root, ...root.querySelectorAll('*')]
      .map((el) => (el as Partial<{ updateComplete: Promise<boolean> }>).updateComplete)
      .filter((p): p is Promise<boolean> => p instanceof Promise);
    const results = await Promise.all(pending);
    if (results.every(Boolean)) return;
  }
}
