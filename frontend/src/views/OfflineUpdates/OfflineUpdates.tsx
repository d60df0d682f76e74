import Box from '@mui/material/Box';
import { PageHeader } from '../../components/PageHeader';
import { useAppSettings } from '../../state/AppSettings';
import { ActivationRequestSection } from './ActivationRequestSection';
import { CapabilitySection } from './CapabilitySection';
import { HistorySection } from './HistorySection';
import { UploadSection } from './UploadSection';
import { confirmationDue, useExchangeHistory } from './useExchangeHistory';

function OfflineExchanges() {
  const { history, reload } = useExchangeHistory();
  const due = history.kind === 'ready' && confirmationDue(history.entries);
  return (
    // minWidth 0 lets a wide history table scroll inside its section instead of widening the page.
    <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', lg: '1fr 1fr' }, gap: 2.5, '& > *': { minWidth: 0 } }}>
      <CapabilitySection confirmationDue={due} onSaved={reload} />
      <ActivationRequestSection onSaved={reload} />
      <Box sx={{ gridColumn: '1 / -1' }}>
        <UploadSection onExchanged={reload} />
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <HistorySection history={history} onReload={reload} />
      </Box>
    </Box>
  );
}

/**
 * The Offline Server Updates view: requests saved to files for the back
 * office, and its responses uploaded, for servers that cannot reach it.
 */
export function OfflineUpdates() {
  const { view } = useAppSettings();
  return (
    <>
      <PageHeader
        navId="offlineUpdates"
        description="Update the license server through files instead of a direct connection to the back office: save a request, carry it to the back office, and upload the response it gives you."
      />
      {/* Results and history belong to one server; another profile starts afresh. */}
      <OfflineExchanges key={view.activeProfileId} />
    </>
  );
}
