/** How `pnpm bench` says what it is doing, and waits. */
export const step = (text: string) => console.log(`▶ ${text}`);
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
