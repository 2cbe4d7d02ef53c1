// The oldest Node the package runs on, and what the CLI says on an older one before it loads anything that
// needs it. The sandbox keeps its objects in node:sqlite (built in without a flag from Node 22.13) and the mock
// needs Prism's floor, Node 24.18 (mock/prism.ts refuses older); the only older Node on the machines, 20, has
// neither. This module imports nothing, so that any Node can load it.

export const NODE_FLOOR = { major: 24, minor: 18 } as const;
/** As package.json's `engines` writes it. */
export const NODE_RANGE = `>=${NODE_FLOOR.major}.${NODE_FLOOR.minor}`;

/** One line saying what is needed and how to get it, when `version` (`20.20.2`) is below the floor; else undefined. */
export function nodeTooOld(version: string, program: string): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  if (major > NODE_FLOOR.major || (major === NODE_FLOOR.major && minor >= NODE_FLOOR.minor)) return undefined;
  return `${program} needs Node >= ${NODE_FLOOR.major}.${NODE_FLOOR.minor} (this is Node ${version}): install it from https://nodejs.org, or into this project with \`npm install --save-dev node@${NODE_FLOOR.major}\` (npx and npm scripts then run on it)`;
}
