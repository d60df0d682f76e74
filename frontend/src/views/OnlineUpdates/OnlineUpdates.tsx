import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useAppSettings } from '../../state/AppSettings';
import { OnlineActivations } from './OnlineActivations';
import { UpdateLicenses } from './UpdateLicenses';

type OnlineTab = 'activations' | 'update';

const tabs: { value: OnlineTab; label: string }[] = [
  { value: 'activations', label: 'Online Activations' },
  { value: 'update', label: 'Update Licenses' },
];

/**
 * The guide's two tabs. The tab lives in the URL like the Features tabs, but
 * both panels stay mounted, so typed activation rows and their results
 * survive a look at the other tab.
 */
export function OnlineUpdates() {
  const { view } = useAppSettings();
  const [params, setParams] = useSearchParams();
  const tab: OnlineTab = params.get('tab') === 'update' ? 'update' : 'activations';

  return (
    <>
      <PageHeader
        navId="onlineUpdates"
        description="Activate the entitlements from your welcome email online, or make the license server synchronize with the back office (FlexNet Operations) now."
      />
      <Tabs
        value={tab}
        onChange={(_, next: OnlineTab) => setParams(next === 'update' ? { tab: 'update' } : {})}
        aria-label="Online Server Updates view"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {tabs.map((t) => (
          <Tab key={t.value} label={t.label} value={t.value} id={`online-tab-${t.value}`} aria-controls={`online-tabpanel-${t.value}`} />
        ))}
      </Tabs>
      {tabs.map((t) => (
        <Box key={t.value} role="tabpanel" id={`online-tabpanel-${t.value}`} aria-labelledby={`online-tab-${t.value}`} hidden={tab !== t.value}>
          <Paper variant="outlined" sx={{ p: { xs: 2, md: 3 }, maxWidth: 880 }}>
            {/* Results describe one server; another profile starts afresh. */}
            {t.value === 'activations' ? <OnlineActivations key={view.activeProfileId} /> : <UpdateLicenses key={view.activeProfileId} />}
          </Paper>
        </Box>
      ))}
    </>
  );
}
