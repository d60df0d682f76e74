import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useCallback, useEffect, useRef, useState } from 'react';
import { newOperation, onProgress, operationApi, type progress } from '../api';

/** A long operation the view runs: Go reports its steps under its name, and the user may cancel it. */
export interface LongOperation {
  /** Runs work under a new operation name, showing its progress until it settles. */
  run: <T>(work: (op: string) => Promise<T>) => Promise<T>;
  running: boolean;
  /** The last step Go reported, null before the first. */
  step: progress.Step | null;
  cancelling: boolean;
  cancel: () => void;
}

export function useLongOperation(kind: string): LongOperation {
  const [op, setOp] = useState<string | null>(null);
  const [step, setStep] = useState<progress.Step | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const run = useCallback(
    async <T,>(work: (op: string) => Promise<T>): Promise<T> => {
      const name = newOperation(kind);
      setOp(name);
      setStep(null);
      setCancelling(false);
      const stop = onProgress(name, (event) => {
        if (live.current && event.running) setStep(event.step);
      });
      try {
        return await work(name);
      } finally {
        stop();
        if (live.current) {
          setOp((current) => (current === name ? null : current));
          setStep(null);
          setCancelling(false);
        }
      }
    },
    [kind],
  );

  const cancel = useCallback(() => {
    if (!op) return;
    setCancelling(true);
    // An operation that ended meanwhile has nothing left to cancel.
    operationApi.cancel(op).catch(() => undefined);
  }, [op]);

  return { run, running: op !== null, step, cancelling, cancel };
}

const megabytes = (n: number) => (n / (1 << 20)).toLocaleString(undefined, { maximumFractionDigits: 1 });

/** "2.5 of 11.3 MB", "3 of 12 groups": the amount a step has done, if it has one. */
export function progressAmount(step: progress.Step): string {
  if (step.unit === 'bytes') return step.total > 0 ? `${megabytes(step.done)} of ${megabytes(step.total)} MB` : `${megabytes(step.done)} MB`;
  if (step.total > 0 && step.unit) return `${step.done.toLocaleString()} of ${step.total.toLocaleString()} ${step.unit}`;
  return '';
}

/**
 * What a long operation is doing, with a bar that fills as Go reports its
 * steps (indeterminate until the total is known) and a Cancel button.
 */
export function OperationProgress({ operation, label, cancelLabel = 'Cancel' }: { operation: LongOperation; label: string; cancelLabel?: string }) {
  if (!operation.running) return null;
  const { step } = operation;
  const determinate = step !== null && step.total > 0;
  const value = determinate ? Math.min(100, (100 * step.done) / step.total) : undefined;
  const amount = step ? progressAmount(step) : '';
  return (
    <Box role="status" aria-live="polite" sx={{ display: 'grid', gap: 0.75 }}>
      <LinearProgress aria-label={label} variant={determinate ? 'determinate' : 'indeterminate'} value={value} />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
        <Typography variant="body2" sx={{ color: 'text.secondary', flex: 1, overflowWrap: 'anywhere' }}>
          {operation.cancelling ? 'Cancelling…' : [step?.message ?? label, amount].filter(Boolean).join(' · ')}
        </Typography>
        <Button size="small" onClick={operation.cancel} disabled={operation.cancelling}>
          {cancelLabel}
        </Button>
      </Box>
    </Box>
  );
}
