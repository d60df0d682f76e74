import type { Plugin } from 'vite';

/** [type, attributes] or [type, attributes, children], with React's attribute names. */
export type PackElement = [type: string, attributes: Record<string, string>, children?: PackElement[]];
/** An icon's SVG children, or only the d of its one plain path. */
export type PackIcon = string | PackElement[];

/** The names of @mui/icons-material and the gzip-compressed JSON of name → PackIcon. */
export function buildPack(): { names: string[]; gzip: Uint8Array<ArrayBuffer> };
export function iconPack(): Plugin;
