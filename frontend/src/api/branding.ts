import * as BrandingService from '../wailsjs/go/app/BrandingService';
import { call } from './call';
import type { BrandingView } from './types';

export const brandingApi = {
  get: (): Promise<BrandingView> => call(BrandingService.Get),
};
