/** Link precision / recall / F1 against gold reply links (a start = a link to itself). */
export interface LinkScore {
  messages: number;
  goldLinks: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
}

/**
 * Scores predicted links against gold: each annotated message counts one predicted link (its
 * replyTo, or itself when it starts a conversation), correct when the gold lists it among the
 * message's parents (a message may have several).
 */
export function scoreLinks(
  gold: ReadonlyMap<string, readonly string[]>,
  predicted: ReadonlyMap<string, string | null>,
): LinkScore {
  let goldLinks = 0;
  let correct = 0;
  let messages = 0;
  for (const [id, parents] of gold) {
    goldLinks += parents.length;
    if (!predicted.has(id)) continue;
    messages++;
    if (parents.includes(predicted.get(id) ?? id)) correct++;
  }
  const precision = messages ? correct / messages : 0;
  const recall = goldLinks ? correct / goldLinks : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { messages, goldLinks, correct, precision, recall, f1 };
}
