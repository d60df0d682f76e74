import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { Fragment, type CSSProperties } from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';

/** The server writes an expiry that never comes as "permanent". */
export const isPermanent = (expiry: string) => expiry.trim().toLowerCase() === 'permanent';

/**
 * An expiry date, "permanent" for one that never comes (which is never
 * expiring), and an "Expires soon" chip within the 30 days Go flags.
 */
export function ExpiryText({ expiry, expiringSoon, permanent = false }: { expiry: string; expiringSoon: boolean; permanent?: boolean }) {
  if (permanent || isPermanent(expiry)) return <>permanent</>;
  return (
    // The chip may go below the date, so a narrow column need not be as wide as both.
    <span style={expiryLayout}>
      {expiry}
      {expiringSoon && expiry && (
        <Tooltip title="Expires within 30 days">
          <Chip label="Expires soon" size="small" color="warning" variant="outlined" sx={{ height: 20, fontSize: '0.6875rem' }} />
        </Tooltip>
      )}
    </span>
  );
}

// A plain style, not sx: a page of rows has an expiry in each, and sx styles
// are serialised and hashed again at every render.
const expiryLayout: CSSProperties = { display: 'inline-flex', flexWrap: 'wrap', alignItems: 'center', columnGap: 8, rowGap: 2, whiteSpace: 'nowrap' };

/**
 * A link in a table row: a router link drawn as MUI's underline-on-hover
 * Link by the table's styles (a.lsm-link in DataTable). A page of rows has
 * one in each, and MUI's Link, a Typography, costs a page switch more than
 * the rest of the row.
 */
export function RowLink(props: Omit<LinkProps, 'className'>) {
  return <RouterLink className="lsm-link" {...props} />;
}

/**
 * A count means nothing for an uncounted feature, so it never shows as 0. Go
 * clamps a count beyond int64 to its bounds, and a number that large cannot
 * be shown exactly here: it is flagged, never shown as a wrong figure.
 */
export function countText(value: number, uncounted: boolean): string {
  if (uncounted) return 'uncounted';
  if (value >= Number.MAX_SAFE_INTEGER) return `over ${Number.MAX_SAFE_INTEGER} (too large to show)`;
  if (value <= Number.MIN_SAFE_INTEGER) return `below ${Number.MIN_SAFE_INTEGER} (too large to show)`;
  return String(value);
}

export const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** text with a line-break opportunity after each of the separators, for a column whose cells wrap between words. */
function breakAfter(text: string, separators: string) {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (separators.includes(text[i])) {
      parts.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && <wbr />}
        </Fragment>
      ))}
    </>
  );
}

/**
 * Text that lists items with commas ("region:EMEA,group:Eng"), free to wrap
 * after each comma: a narrow column then breaks it between items rather
 * than inside one.
 */
export function CommaList({ text }: { text: string }) {
  return breakAfter(text, ',');
}

/**
 * An ID made of parts ("ACT-1A2B-3C4D-5E6F"), free to wrap after a hyphen:
 * a line would not break there on its own before a digit, and a narrow
 * column then keeps the parts whole. Not for link text, whose accessible
 * name the break would split.
 */
export function SegmentedId({ text }: { text: string }) {
  return breakAfter(text, '-');
}
