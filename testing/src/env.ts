/** Takes a copy of process.env; what it returns puts process.env back as it was then (variables added since removed, changed ones restored). */
export function envRestorer(): () => void {
  const saved = { ...process.env };
  return () => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
    Object.assign(process.env, saved);
  };
}
