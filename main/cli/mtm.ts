// `npm run mtm -- <command>`: the pharmacy IT person's tool. Exit 0 on success; 1 with a one-line reason.
import { audit, usage as auditUsage } from './commands/audit';
import { backup, usage as backupUsage } from './commands/backup';
import { check, usage as checkUsage } from './commands/check';
import { demoCommand, usage as demoUsage } from './commands/demo';
import { exportCommand, usage as exportUsage } from './commands/export';
import { importCommand, usage as importUsage } from './commands/import';
import { init, usage as initUsage } from './commands/init';
import { move, usage as moveUsage } from './commands/move';
import { knowledgeCommand, usage as knowledgeUsage } from './commands/knowledge';
import { rekey, usage as rekeyUsage } from './commands/rekey';
import { restore, usage as restoreUsage } from './commands/restore';
import { sharedCommand, usage as sharedUsage } from './commands/shared';
import { CliError } from './password-input';

const commands: Record<string, (argv: string[]) => Promise<void>> = {
  init,
  check,
  backup,
  restore,
  rekey,
  audit,
  import: importCommand,
  export: exportCommand,
  demo: demoCommand,
  knowledge: knowledgeCommand,
  shared: sharedCommand,
  move,
};
const usage = [
  'Usage:',
  ...[
    initUsage,
    checkUsage,
    backupUsage,
    restoreUsage,
    rekeyUsage,
    auditUsage,
    importUsage,
    exportUsage,
    demoUsage,
    knowledgeUsage,
    sharedUsage,
    moveUsage,
  ].map((u) => `  ${u}`),
  'The password (or recovery code) is read from MTM_PASSWORD or the first line of standard input.',
].join('\n');

const [name, ...rest] = process.argv.slice(2);
const command = name ? commands[name] : undefined;
if (!command) {
  console.error(name ? `Unknown command "${name}".\n${usage}` : usage);
  process.exit(1);
}
try {
  await command(rest);
  process.exit(0);
} catch (err) {
  const message =
    err instanceof CliError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ? (err as Error).message
      : `Unexpected failure: ${(err as Error).message}`;
  console.error(`mtm ${name}: ${message.split('\n')[0]}`);
  process.exit(1);
}
