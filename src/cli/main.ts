import { Command, Option } from 'commander';
import { doctorCommand } from './doctor.js';
import { exportCommand } from './export.js';
import { startCommand } from './start.js';
import { VERSION } from '../version.js';

const program = new Command('osschat')
  .description('OSSChat: turns community chat groups into issues, answers and a searchable archive')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('start')
  .description('run the bot and the web server')
  .option('-c, --config <file>', 'configuration file (default: $OSSCHAT_CONFIG, else none)')
  .addOption(new Option('--chat <adapter>', 'chat platform adapter (default: chat.adapter)').choices(['wechaty', 'stdio']))
  .action(startCommand);

program
  .command('doctor')
  .description('check the configuration, the database and the credentials, and say what to fix')
  .option('-c, --config <file>', 'configuration file')
  .action(doctorCommand);

program
  .command('export')
  .description("print a room's message log as stdio JSON Lines, in time order")
  .requiredOption('--room <name>', 'room topic or id')
  .option('--format <format>', 'output format', 'jsonl')
  .option('-c, --config <file>', 'configuration file')
  .action(exportCommand);

await program.parseAsync();
