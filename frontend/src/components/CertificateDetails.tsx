import Box from '@mui/material/Box';
import { Fragment } from 'react';
import type { CertificateInfo } from '../api';
import { formatDate, monospace } from './format';
import { InfoList } from './InfoList';

/** A SHA-256 fingerprint in monospace that wraps only between its byte pairs, so no pair is split. */
export function Fingerprint({ value, testId }: { value: string; testId?: string }) {
  return (
    <Box component="span" sx={monospace} data-testid={testId}>
      {value.split(':').map((pair, i) => (
        <Fragment key={i}>
          {i > 0 && (
            <>
              :<wbr />
            </>
          )}
          {pair}
        </Fragment>
      ))}
    </Box>
  );
}

/** What a person checks before trusting a server certificate. */
export function CertificateDetails({ certificate }: { certificate: CertificateInfo }) {
  const c = certificate;
  return (
    <InfoList
      rows={[
        { label: 'Subject', value: c.subject || '—' },
        { label: 'Issuer', value: c.issuer || '—' },
        { label: 'Valid', value: `${formatDate(c.notBefore)} to ${formatDate(c.notAfter)}` },
        ...(c.dnsNames.length > 0 ? [{ label: 'Host names', value: c.dnsNames.join(', ') }] : []),
        { label: 'Self-signed', value: c.selfSigned ? 'Yes' : 'No' },
        {
          label: 'SHA-256 fingerprint',
          value: <Fingerprint value={c.fingerprint} testId="certificate-fingerprint" />,
        },
      ]}
    />
  );
}
