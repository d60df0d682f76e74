import type { Plugin } from 'vite';

/** [type, attributes] or [type, attributes, children], with React's attribute names. */
export type PackElement = [type: string, attributes: Record<string, string>, children?: PackElement[]];
/** An icon's SVG children, or only the d of its one plain path. */
export type PackIcon = string | PackElement[];

export const iconDir: string;
export function iconNames(dir?: string): string[];
export function readIcons(dir?: string): Record<string, PackIcon>;
export function buildPack(dir?: string): { names: string[]; gzip: Uint8Array<ArrayBuffer> };
export function iconPack(): Plugin;
