// The spec is built from its files alone: a `$ref` to a URL is refused, never fetched (Redocly would fetch
// it and inline whatever the server answered), and a problem Redocly meets while reading the files (YAML
// that does not parse, a `$ref` that resolves to nothing) is an error naming the file and line.
import { relative } from 'node:path';
import { BaseResolver, type Config, getLineColLocation, type NormalizedProblem, type Source } from '@redocly/openapi-core';
import { ROOT } from './paths.ts';

/** A scheme of two letters or more (`http:`, `https:`, `ftp:`), so that a Windows drive (`C:`) is a file. */
const URL_REF = /^[a-z][a-z\d+.-]+:/i;

/** Reads `$ref`s to files; a URL is refused before anything is sent. */
export class FilesOnlyResolver extends BaseResolver {
  constructor(config: Config) {
    super(config.resolve);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (URL_REF.test(absoluteRef))
      throw new Error(
        `${absoluteRef} is a URL, and the spec is built from its files only: nothing is fetched (copy what it holds into openapi/ and refer to that file)`,
      );
    return super.loadExternalRef(absoluteRef);
  }
}

/** `file:line:col: message` of each error, the file relative to the project (where the problem is, else where it was met). */
export function refErrors(problems: readonly NormalizedProblem[]): string[] {
  return problems
    .filter((problem) => problem.severity === 'error')
    .map((problem) => {
      const location = problem.location[0];
      if (!location) return problem.message;
      const { line, col } = getLineColLocation(location).start;
      return `${relative(ROOT, location.source.absoluteRef)}:${line}:${col}: ${problem.message}`;
    });
}
