import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseLocatedYaml } from '../model/patterns-yaml.js';

/** The parameters of the tension index, as in `ontology/analysis/tension.yaml`. */
export interface TensionParams {
  halfLifeDays: number;
  lookbackDays: number;
  prior: number;
  /** Weight by modality (asserted, alleged, hypothetical, denied, negated); unknown ones weigh 0. */
  modality: Readonly<Record<string, number>>;
}

/** The parameters of escalation / de-escalation alerts, as in `ontology/analysis/alerts.yaml`. */
export interface AlertParams {
  interval: 'day' | 'week' | 'month';
  baselinePeriods: number;
  threshold: number;
  minSpread: number;
  minEvents: number;
  maxEvidence: number;
  defaultWindowDays: number;
}

export const TENSION_PATH = fileURLToPath(new URL('../../ontology/analysis/tension.yaml', import.meta.url));
export const ALERTS_PATH = fileURLToPath(new URL('../../ontology/analysis/alerts.yaml', import.meta.url));

const TensionFile = z.strictObject({
  halfLifeDays: z.number().positive(),
  lookbackDays: z.number().int().positive(),
  prior: z.number().min(0),
  modality: z.strictObject({
    asserted: z.number().min(0).max(1),
    alleged: z.number().min(0).max(1),
    hypothetical: z.number().min(0).max(1),
    denied: z.number().min(0).max(1),
    negated: z.number().min(0).max(1),
  }),
});

const AlertsFile = z.strictObject({
  interval: z.enum(['day', 'week', 'month']),
  baselinePeriods: z.number().int().min(2),
  threshold: z.number().positive(),
  minSpread: z.number().positive(),
  minEvents: z.number().int().min(1),
  maxEvidence: z.number().int().min(1),
  defaultWindowDays: z.number().int().positive(),
});

/**
 * Loads and validates the tension parameters; throws OntologyError naming file, line and field.
 *
 * @example loadTensionParams().halfLifeDays // 14
 */
export function loadTensionParams(file: string = TENSION_PATH): TensionParams {
  const { data } = parseLocatedYaml(readFileSync(file, 'utf8'), file, TensionFile);
  return Object.freeze({ ...data, modality: Object.freeze({ ...data.modality }) });
}

/**
 * Loads and validates the alert parameters; throws OntologyError naming file, line and field.
 *
 * @example loadAlertParams().baselinePeriods // 8
 */
export function loadAlertParams(file: string = ALERTS_PATH): AlertParams {
  const { data } = parseLocatedYaml(readFileSync(file, 'utf8'), file, AlertsFile);
  return Object.freeze({ ...data });
}

let tension: TensionParams | null = null;
let alerting: AlertParams | null = null;

/** The default tension parameters, loaded once per process. @example tensionParams().prior // 2 */
export function tensionParams(): TensionParams {
  return (tension ??= loadTensionParams());
}

/** The default alert parameters, loaded once per process. @example alertParams().threshold // 3 */
export function alertParams(): AlertParams {
  return (alerting ??= loadAlertParams());
}
