import '@testing-library/jest-dom/vitest';
import { configure } from '@testing-library/react';

// CI machines are shared and slow to render MUI under load: give queries and
// waitFor time, without making any test depend on timing.
configure({ asyncUtilTimeout: 5000 });
