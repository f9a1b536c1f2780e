/**
 * Fits the threading engine's weights on an annotated corpus and reports held-out quality.
 *
 *   npx tsx scripts/threads-fit.ts [DIR] [--folds N] [--rounds N] [--write]
 *
 * DIR holds `<room>.jsonl` files in the stdio format and `gold.jsonl` (default:
 * ../shared/data/threads/ubuntu-dev). Rooms are split into folds; each fold is scored with
 * weights fitted on the others, so the printed numbers are on chat the weights never saw.
 * `--write` then fits on every room and writes src/core/threads/weights.ts.
 */
import { writeFileSync } from 'node:fs';
import { FEATURE_NAMES, scoreLinks, Threader, type LinkScore, type ThreadWeights } from '../src/core/threads/index.js';
import { SHIPPED_WEIGHTS } from '../src/core/threads/weights.js';
import { fitSoftmax, type Choice } from './threads-fit/fit-softmax.js';
import { readCorpus, type AnnotatedRoom } from './threads-fit/read-corpus.js';

const args = process.argv.slice(2);
const dir = args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg)) ?? '../shared/data/threads/ubuntu-dev';
const folds = Number(args[args.indexOf('--folds') + 1]) || 5;
const ROUNDS = Number(args[args.indexOf('--rounds') + 1]) || 2;
/** Every weight 0: the engine then takes the previous message, knowing nothing of the corpus. */
const NEUTRAL_WEIGHTS = Object.fromEntries(FEATURE_NAMES.map((name) => [name, 0])) as ThreadWeights;

const asObject = (weights: Float64Array): ThreadWeights =>
  Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, Math.round(weights[i]! * 1000) / 1000])) as ThreadWeights;

/** Runs the engine over the rooms, collecting each annotated message's candidates. */
function collect(rooms: readonly AnnotatedRoom[], weights: ThreadWeights): Choice[] {
  const choices: Choice[] = [];
  for (const room of rooms) {
    const threader = new Threader({ weights });
    for (const message of room.messages) {
      threader.add(message, { observe: (m, candidates, features) => {
        const parents = room.gold.get(m.id);
        if (parents === undefined) return;
        const correct = candidates.flatMap((id, row) => (parents.includes(id ?? m.id) ? [row] : []));
        if (correct.length) choices.push({ features: features.slice(), rows: candidates.length, correct });
      } });
    }
  }
  return choices;
}

/**
 * Fits in rounds: features that depend on the engine's own earlier choices see the latest weights.
 * Starts from neutral weights, never the shipped ones (fitted on every room, held-out rooms included).
 */
function fit(rooms: readonly AnnotatedRoom[]): ThreadWeights {
  let weights = NEUTRAL_WEIGHTS;
  for (let round = 0; round < ROUNDS; round++) {
    weights = asObject(fitSoftmax(collect(rooms, weights), FEATURE_NAMES.length));
  }
  return weights;
}

function evaluate(rooms: readonly AnnotatedRoom[], predict: (room: AnnotatedRoom) => Map<string, string | null>): LinkScore {
  const gold = new Map<string, string[]>();
  const predicted = new Map<string, string | null>();
  for (const room of rooms) {
    for (const [id, parents] of room.gold) gold.set(id, parents);
    for (const [id, parent] of predict(room)) if (room.gold.has(id)) predicted.set(id, parent);
  }
  return scoreLinks(gold, predicted);
}

const withWeights = (weights: ThreadWeights) => (room: AnnotatedRoom) => {
  const threader = new Threader({ weights });
  return new Map(room.messages.map((m) => [m.id, threader.add(m).replyTo] as const));
};
const previousMessage = (room: AnnotatedRoom) =>
  new Map(room.messages.map((m, i) => [m.id, i === 0 ? null : room.messages[i - 1]!.id] as const));

const format = (name: string, score: LinkScore): string =>
  `${name.padEnd(28)} P ${(score.precision * 100).toFixed(1)}  R ${(score.recall * 100).toFixed(1)}  F1 ${(score.f1 * 100).toFixed(1)}  (${score.messages} messages)`;

const rooms = readCorpus(dir);
console.log(format('previous message (baseline)', evaluate(rooms, previousMessage)));
console.log(format('shipped weights', evaluate(rooms, withWeights(SHIPPED_WEIGHTS))));

const heldOut = new Map<string, string | null>();
for (let fold = 0; fold < folds; fold++) {
  const test = rooms.filter((_, i) => i % folds === fold);
  const weights = fit(rooms.filter((_, i) => i % folds !== fold));
  for (const room of test) for (const [id, parent] of withWeights(weights)(room)) heldOut.set(id, parent);
}
console.log(format(`held out (${folds} folds by room)`, evaluate(rooms, () => heldOut)));

if (args.includes('--write')) {
  const weights = fit(rooms);
  console.log(format('fitted on all (optimistic)', evaluate(rooms, withWeights(weights))));
  const body = Object.entries(weights).map(([name, value]) => `  ${name}: ${value},`).join('\n');
  writeFileSync(
    'src/core/threads/weights.ts',
    `import type { ThreadWeights } from './features.js';\n\n/** Fitted by scripts/threads-fit.ts on an annotated corpus (see README, Conversations). */\nexport const SHIPPED_WEIGHTS: ThreadWeights = {\n${body}\n};\n`,
  );
  console.log('wrote src/core/threads/weights.ts');
}
