// Where the runtime parts find the project's files, whatever the working directory.
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The bundled contract, written by `npm run bundle`. */
export const BUNDLE_FILE = fileURLToPath(new URL('../generated/openapi.json', import.meta.url));
