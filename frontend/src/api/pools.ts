import type { app, modeldef } from '../wailsjs/go/models';
import * as PoolsService from '../wailsjs/go/app/PoolsService';
import * as ReservationsService from '../wailsjs/go/app/ReservationsService';
import { call } from './call';
import type { AppError } from './errors';

export type DiagnosticSeverity = 'error' | 'warning';

/** One problem in a model definition; line and column count from 1, columns in characters. */
export interface ModelDiagnostic {
  line: number;
  column: number;
  /** The column just after the offending text on the same line; 0 when there is no single token to mark. */
  endColumn: number;
  severity: DiagnosticSeverity;
  message: string;
}

/** One feature's share in a previewed pool. */
export interface FeatureAllocation {
  name: string;
  version: string;
  /** The amount as the model writes it (10, 60%, remainder); '' in the default pool, which keeps what is left. */
  requested: string;
  count: number;
  uncounted: boolean;
  /** The pool asked for more than was left; shortfall is how much it did not get. */
  short: boolean;
  shortfall: number;
  /** The server has no feature of that name and version. */
  missing: boolean;
}

/** What one pool would receive from the server's current features. */
export interface PoolAllocation {
  pool: string;
  default: boolean;
  features: FeatureAllocation[];
}

/** Validation of model text, with a preview of the pools when it has no errors. */
export interface ModelCheck {
  valid: boolean;
  modelName: string;
  diagnostics: ModelDiagnostic[];
  /** The default pool comes last; empty while the model has errors or the server's features are unknown. */
  preview: PoolAllocation[];
}

/** The active model definition; text is '' when none is active. */
export interface ModelView {
  active: boolean;
  text: string;
}

/** A model file read through the open dialog and already checked; path is '' when the user cancelled. */
export interface ChosenModel {
  path: string;
  name: string;
  text: string;
  check: ModelCheck;
}

export interface PoolFeature {
  feature: string;
  version: string;
  expiry: string;
  allocated: number;
  used: number;
  uncounted: boolean;
  /** The amount the model asked for. */
  requested: string;
  status: string;
}

export interface LicensePool {
  id: number;
  name: string;
  default: boolean;
  /** ISO-8601; '' when the server gave none. */
  lastModified: string;
  features: PoolFeature[];
}

export interface PoolsView {
  /** The default pool first. */
  pools: LicensePool[];
  /** A model definition is active, so named pools exist. */
  modelActive: boolean;
}

// Go and this UI are built together, so no other severity arrives; the check only narrows the type.
const toSeverity = (s: string): DiagnosticSeverity => (s === 'warning' ? 'warning' : 'error');

const toDiagnostic = (d: modeldef.Diagnostic): ModelDiagnostic => ({
  line: d.line,
  column: d.column,
  endColumn: d.endColumn ?? 0,
  severity: toSeverity(d.severity),
  message: d.message,
});

const toAllocation = (p: modeldef.PoolAllocation): PoolAllocation => ({
  pool: p.pool,
  default: p.default,
  features: (p.features ?? []).map((f) => ({
    name: f.name,
    version: f.version,
    requested: f.requested,
    count: f.count,
    uncounted: f.uncounted === true,
    short: f.short === true,
    shortfall: f.shortfall ?? 0,
    missing: f.missing === true,
  })),
});

const toCheck = (c: app.ModelCheck): ModelCheck => ({
  valid: c.valid,
  modelName: c.modelName,
  diagnostics: (c.diagnostics ?? []).map(toDiagnostic),
  preview: (c.preview ?? []).map(toAllocation),
});

const toPool = (p: app.Pool): LicensePool => ({
  id: p.id,
  name: p.name,
  default: p.default,
  lastModified: p.lastModified,
  features: (p.features ?? []).map((f) => ({
    feature: f.feature,
    version: f.version,
    expiry: f.expiry,
    allocated: f.allocated,
    used: f.used,
    uncounted: f.uncounted,
    requested: f.requested,
    status: f.status,
  })),
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function isDiagnostic(value: unknown): value is modeldef.Diagnostic {
  return (
    isRecord(value) &&
    typeof value.line === 'number' &&
    typeof value.column === 'number' &&
    typeof value.severity === 'string' &&
    typeof value.message === 'string'
  );
}

/** The diagnostics an Upload or Format refused with (details.diagnostics); empty for any other failure. */
export function diagnosticsOf(error: AppError): ModelDiagnostic[] {
  const list = error.details.diagnostics;
  return Array.isArray(list) ? list.filter(isDiagnostic).map(toDiagnostic) : [];
}

// A textarea turns every line break into LF; text that already has LF only
// is what the editor shows, checks and uploads alike.
const toLf = (text: string) => text.replace(/\r\n?/g, '\n');

// The check runs while the user types: it must never open a login or
// certificate dialog the user did not ask for.
const quiet = { skipRecovery: ['login_required', 'tls_untrusted'] } as const;

export const poolsApi = {
  pools: (): Promise<PoolsView> =>
    call(PoolsService.Pools).then((v) => ({ pools: (v.pools ?? []).map(toPool), modelActive: v.modelActive })),
  model: (): Promise<ModelView> => call(PoolsService.Model).then((m) => ({ active: m.active, text: toLf(m.text) })),
  /** Validates and previews; refresh fetches the server's features again instead of reusing Go's copy. */
  check: (text: string, refresh: boolean): Promise<ModelCheck> => call(() => PoolsService.Check(text, refresh), quiet).then(toCheck),
  chooseModelFile: (): Promise<ChosenModel> =>
    call(PoolsService.ChooseModelFile).then((c) => ({ path: c.path, name: c.name, text: toLf(c.text), check: toCheck(c.check) })),
  /**
   * Makes the text the active model. Rejects with invalid_input when it has
   * errors (see diagnosticsOf), and with conflict while reservation groups
   * exist (details.reservationGroups counts them).
   */
  upload: (text: string): Promise<ModelCheck> => call(() => PoolsService.Upload(text)).then(toCheck),
  /** All licenses return to the default pool. */
  deleteModel: (): Promise<void> => call(PoolsService.DeleteModel),
  /** The canonical layout; comments are dropped. */
  format: (text: string): Promise<string> => call(() => PoolsService.Format(text)),
  /** Saves every reservation group through a save dialog, before they are deleted to make way for a model; '' when cancelled. */
  exportReservations: (): Promise<string> => call(() => ReservationsService.Export([])),
};
