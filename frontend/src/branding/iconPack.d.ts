// Written by the icon-pack Vite plugin (tools/icon-pack.mjs) at build time.
declare module 'virtual:icon-pack' {
  /** Every icon name of @mui/icons-material. */
  export const iconNames: readonly string[];
  /** The gzip-compressed JSON of name → PackIcon. */
  export const packUrl: string;
}
