// Our rules, in the order their findings are listed.
import { errorCatalogRule } from './error-catalog.ts';
import { errorCodesRule } from './error-codes.ts';
import { idempotencyRule } from './idempotency.ts';
import { problemShapeRule } from './problem-shape.ts';
import type { Rule } from './rule.ts';
import { webhooksRule } from './webhooks.ts';

export const RULES: readonly Rule[] = [errorCodesRule, errorCatalogRule, problemShapeRule, webhooksRule, idempotencyRule];

export const CHECKS: readonly string[] = RULES.flatMap((rule) => rule.checks);
