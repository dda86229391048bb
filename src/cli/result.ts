/** What a CLI subcommand produces; `main.ts` writes it out. Subcommands never write to the process themselves. */
export interface CliResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}
