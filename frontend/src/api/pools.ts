import { apperr, modeldef } from '../wailsjs/go/models';
import * as PoolsService from '../wailsjs/go/app/PoolsService';
import * as ReservationsService from '../wailsjs/go/app/ReservationsService';
import { call } from './call';
import type { AppError } from './errors';
import type { ChosenModel, ModelCheck, ModelDiagnostic, ModelView, PoolsView } from './types';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

const severities = new Set<string>(Object.values(modeldef.Severity));

function isDiagnostic(value: unknown): value is ModelDiagnostic {
  return (
    isRecord(value) &&
    typeof value.line === 'number' &&
    typeof value.column === 'number' &&
    typeof value.endColumn === 'number' &&
    typeof value.severity === 'string' &&
    severities.has(value.severity) &&
    typeof value.message === 'string'
  );
}

/** The diagnostics an Upload or Format refused with (details.diagnostics); empty for any other failure. */
export function diagnosticsOf(error: AppError): ModelDiagnostic[] {
  const list = error.details.diagnostics;
  return Array.isArray(list) ? list.filter(isDiagnostic) : [];
}

// A textarea turns every line break into LF; text that already has LF only
// is what the editor shows, checks and uploads alike.
const toLf = (text: string) => text.replace(/\r\n?/g, '\n');

// The check runs while the user types: it must never open a login or
// certificate dialog the user did not ask for.
const quiet = { skipRecovery: [apperr.Code.LOGIN_REQUIRED, apperr.Code.TLS_UNTRUSTED] } as const;

export const poolsApi = {
  pools: (): Promise<PoolsView> => call(PoolsService.Pools),
  model: (): Promise<ModelView> => call(PoolsService.Model).then((m) => ({ ...m, text: toLf(m.text) })),
  check: (text: string, refresh: boolean): Promise<ModelCheck> => call(() => PoolsService.Check(text, refresh), quiet),
  chooseModelFile: (): Promise<ChosenModel> => call(PoolsService.ChooseModelFile).then((c) => ({ ...c, text: toLf(c.text) })),
  /** Checks and uploads under the operation op (progress, cancel before it is sent). */
  upload: (text: string, op = ''): Promise<ModelCheck> => call(() => PoolsService.Upload(text, op)),
  deleteModel: (): Promise<void> => call(PoolsService.DeleteModel),
  format: (text: string): Promise<string> => call(() => PoolsService.Format(text)),
  /**
   * Saves every reservation group as JSON through a save dialog, before
   * they are deleted for a model definition; '' when the user cancelled.
   */
  exportReservations: (): Promise<string> => call(() => ReservationsService.Export([])),
};
