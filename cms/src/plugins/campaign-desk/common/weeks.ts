/** Calendar weeks as the newsroom counts them: Monday to Sunday, days as 'YYYY-MM-DD' (Asia/Shanghai). */

function shift(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday and Sunday of the week `day` falls in. */
export function weekOf(day: string): { monday: string; sunday: string } {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = shift(day, -weekday);
  return { monday, sunday: shift(monday, 6) };
}

export { shift as shiftDay };
