import { Command, Option } from 'commander';
import { adminsAddCommand, adminsCodeCommand, adminsListCommand, adminsRemoveCommand } from './admins.js';
import { analyzeCommand } from './analyze.js';
import { doctorCommand } from './doctor.js';
import { exportCommand } from './export.js';
import { faqAskCommand, faqExportCommand, faqImportCommand } from './faq.js';
import { faqEvalCommand } from './faq-eval.js';
import { importCommand } from './import.js';
import { IMPORT_FORMATS } from '../importers/formats.js';
import { ZIP_LIMITS } from '../importers/zip-limits.js';
import { MAX_LINE_BYTES } from '../importers/import-record.js';
import { startCommand } from './start.js';
import { roles } from '../core/roles/role-plan.js';
import { publishCommand } from './publish.js';
import { threadsCommand } from './threads.js';
import { endQuietlyOnClosedOutput } from './shared.js';
import { commandFailureReporter } from './startup-failure.js';
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
  .addOption(new Option('--role <role>', 'what this process runs; several processes share one PostgreSQL database').choices([...roles]).default('all'))
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

program
  .command('import <path>')
  .description('add a chat export (file, folder or .zip) to the message log; re-importing adds nothing')
  .addOption(new Option('--format <format>', 'export format (default: detected)').choices([...IMPORT_FORMATS]))
  .option('--room <name>', 'room to import into (topic or id); in a multi-chat export, the only chat imported')
  .option('--max-entries <n>', `zip: most files read (default ${ZIP_LIMITS.maxEntries})`)
  .option('--max-entry-mib <n>', `zip: most MiB one file may unpack to (default ${ZIP_LIMITS.maxEntryBytes / 2 ** 20})`)
  .option('--max-unzipped-mib <n>', `zip: most MiB all files may unpack to (default ${ZIP_LIMITS.maxTotalBytes / 2 ** 20})`)
  .option('--max-line-mib <n>', `line-based exports (jsonl, WhatsApp, WeChat text/CSV): most MiB one line may hold (default ${MAX_LINE_BYTES / 2 ** 20})`)
  .option('-c, --config <file>', 'configuration file')
  .action(importCommand);

program
  .command('analyze')
  .description('report on a room: activity, people, keywords, repeated and unanswered questions')
  .option('--room <name>', 'room topic or id (default: the only group room)')
  .option('--since <date>', 'first day (YYYY-MM-DD, local) or ISO time')
  .option('--until <date>', 'last day, included (YYYY-MM-DD, local) or ISO time')
  .option('--tz <zone>', 'IANA time zone of days and hours (default: issues.timeZone)')
  .option('--json', 'print the report as JSON (schema in the README)')
  .option('--html <file>', 'write a self-contained HTML report with charts')
  .option('--faq-candidates <file>', 'write repeated questions as a knowledge base for osschat faq import')
  .option('--unanswered-after <hours>', 'a question with no reply within this time is unanswered', '24')
  .option('-c, --config <file>', 'configuration file')
  .action(analyzeCommand);

program
  .command('threads [files...]')
  .description('split chat into conversations: each stdio JSON Lines file is one room; or place a stored room again')
  .option('--json', 'print {"id","conversation","replyTo"} per message (replyTo null: it starts a conversation)')
  .option('--room <name>', 'a stored room (topic or id), with --rebuild')
  .option('--rebuild', "place every message of --room again and store the result")
  .option('-c, --config <file>', 'configuration file (the database, with --room)')
  .action(threadsCommand);

program
  .command('publish')
  .description('write the public archive as a static site (any static host); only changed pages are rewritten')
  .requiredOption('--out <dir>', 'output folder')
  .option('--room <name>', 'only this public room (topic or id)')
  .option('--base-url <url>', 'public address of the site, for feeds and the sitemap (default: archive.baseUrl)')
  .option('-c, --config <file>', 'configuration file')
  .action(publishCommand);

const faq = program.command('faq').description('the FAQ knowledge base the bot answers from');
faq
  .command('import <file>')
  .description('add or update entries from YAML, CSV (id,question,answer; repeated ids are paraphrases) or Markdown (## question, then the answer)')
  .addOption(new Option('--format <format>', 'file format (default: from the file name)').choices(['yaml', 'csv', 'markdown']))
  .option('-c, --config <file>', 'configuration file')
  .action(faqImportCommand);
faq.command('export').description('print every entry as YAML (importable again)').option('-c, --config <file>', 'configuration file').action(faqExportCommand);
faq
  .command('ask <text>')
  .description('what the bot would answer, with its candidates and scores')
  .option('--json', 'print {"match", "candidates"} as JSON')
  .option('-c, --config <file>', 'configuration file')
  .action(faqAskCommand);

faq
  .command('eval')
  .description('measure answers on a knowledge base and labelled queries (JSON Lines {"text","expected": ID|null})')
  .requiredOption('--kb <file>', 'knowledge base (YAML, CSV or Markdown)')
  .requiredOption('--queries <file>', 'queries, one JSON object per line')
  .option('--json', 'print the metrics as JSON')
  .option('--predictions <file>', 'write {"text","match","score"} per query, in order')
  .option('-c, --config <file>', 'configuration file (faq.threshold, faq.margin, faq.synonyms)')
  .action(faqEvalCommand);

const admins = program.command('admins').description("the bot's admins: the config's admins plus those kept in the database (claimed with a code, or added)");
admins.command('list').description('every admin, from the config or the database, with the name when known').option('-c, --config <file>', 'configuration file').action(adminsListCommand);
admins
  .command('add <member>')
  .description('make a member admin: their platform id (as /whois and osschat export show it), or platform:id')
  .option('-c, --config <file>', 'configuration file')
  .action(adminsAddCommand);
admins.command('remove <member>').description('remove an admin kept in the database (config admins: edit the file)').option('-c, --config <file>', 'configuration file').action(adminsRemoveCommand);
admins.command('code').description('print a fresh one-time claim code while the bot has no admin (valid 60 minutes)').option('-c, --config <file>', 'configuration file').action(adminsCodeCommand);

endQuietlyOnClosedOutput();
const reportFailure = commandFailureReporter(program);
await program.parseAsync().catch(reportFailure);
