import InfoOutlined from '@mui/icons-material/InfoOutlined';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';

/**
 * The guide's ⓘ: help text for one field. It lives beside the field's label,
 * never inside it, so the field's accessible name stays exactly the label.
 */
export function HelpTip({ topic, text }: { topic: string; text: string }) {
  return (
    <Tooltip title={text} describeChild enterTouchDelay={0} slotProps={{ tooltip: { sx: { fontSize: '0.8125rem', maxWidth: 360 } } }}>
      <IconButton size="small" aria-label={`Help: ${topic}`} sx={{ color: 'text.secondary' }}>
        <InfoOutlined fontSize="small" />
      </IconButton>
    </Tooltip>
  );
}
