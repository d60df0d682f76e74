// The few Node modules that tests which run a tool of the repository use.
// The app runs in a webview, so the project has no @types/node: installing
// it would give every file Node's globals (setTimeout returning a Timeout
// object, process, Buffer) and hide mistakes in code meant for the browser.

declare module 'node:child_process' {
  export interface SpawnSyncReturns {
    status: number | null;
    stdout: string;
    stderr: string;
    error?: Error;
  }
  export function spawnSync(command: string, args: readonly string[], options: { encoding: 'utf8'; cwd?: string; timeout?: number }): SpawnSyncReturns;
}

declare module 'node:fs' {
  export function mkdtempSync(prefix: string): string;
  export function mkdirSync(path: string, options?: { recursive?: boolean }): string | undefined;
  export function writeFileSync(path: string, data: string): void;
  export function rmSync(path: string, options?: { recursive?: boolean; force?: boolean }): void;
}

declare module 'node:os' {
  export function tmpdir(): string;
}

declare module 'node:path' {
  export function join(...paths: string[]): string;
  export function dirname(path: string): string;
}

declare module 'node:process' {
  export const execPath: string;
}

declare module 'node:url' {
  export function fileURLToPath(url: string | URL): string;
}
