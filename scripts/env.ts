/** `pnpm setup`: creates .env with random secrets where they are missing. */
import { ensureEnv } from './lib/env';
import { envFile } from './lib/paths';

const filled = ensureEnv();
console.log(filled.length > 0 ? `wrote ${filled.join(', ')} to ${envFile}` : `${envFile} is complete`);
