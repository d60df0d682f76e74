import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useAppSettings } from '../../state/AppSettings';
import type { PoolsTab } from './links';
import { ModelTab } from './ModelTab';
import { PoolList } from './PoolList';

const tabs: readonly { value: PoolsTab; label: string }[] = [
  { value: 'pools', label: 'Named License Pools' },
  { value: 'model', label: 'Model' },
];

/**
 * The Named License Pools view: the pools tab and the Model tab, the tab in
 * the URL. A tab stays mounted once opened, so a model being edited survives
 * a look at the pools.
 */
export function Pools() {
  const { view } = useAppSettings();
  const [params, setParams] = useSearchParams();
  const tab: PoolsTab = params.get('tab') === 'model' ? 'model' : 'pools';
  const [opened, setOpened] = useState<ReadonlySet<PoolsTab>>(() => new Set([tab]));
  if (!opened.has(tab)) setOpened(new Set([...opened, tab]));
  // Counts model changes, so the pools tab fetches the pools again.
  const [modelChanges, setModelChanges] = useState(0);

  const show = (next: PoolsTab) => setParams(next === 'model' ? { tab: 'model' } : {});

  return (
    <>
      <PageHeader
        navId="pools"
        description="The license pools the server serves from: the default pool, and the named pools a model definition divides the licenses into, each with rules saying which clients may use it. Reservations and named license pools cannot coexist."
      />
      <Tabs
        value={tab}
        onChange={(_, next: PoolsTab) => show(next)}
        aria-label="Named License Pools view"
        sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}
      >
        {tabs.map((t) => (
          <Tab key={t.value} label={t.label} value={t.value} id={`pools-tab-${t.value}`} aria-controls={`pools-tabpanel-${t.value}`} />
        ))}
      </Tabs>
      {/* Another profile is another server: nothing typed for one is uploaded to the other. */}
      <Box key={view.activeProfileId}>
        {tabs.map((t) => (
          <Box key={t.value} role="tabpanel" id={`pools-tabpanel-${t.value}`} aria-labelledby={`pools-tab-${t.value}`} hidden={tab !== t.value}>
            {opened.has(t.value) &&
              (t.value === 'pools' ? (
                <PoolList version={modelChanges} />
              ) : (
                <ModelTab onModelChanged={() => setModelChanges((n) => n + 1)} onShowPools={() => show('pools')} />
              ))}
          </Box>
        ))}
      </Box>
    </>
  );
}
