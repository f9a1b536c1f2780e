export type Next = () => Promise<void>;
export type Middleware<C> = (ctx: C, next: Next) => Promise<void>;

/** Chains middleware: each runs when the one before calls `next()`. */
export function compose<C>(middleware: readonly Middleware<C>[]): (ctx: C) => Promise<void> {
  return (ctx) => {
    const run = async (index: number): Promise<void> => {
      const current = middleware[index];
      if (current) await current(ctx, () => run(index + 1));
    };
    return run(0);
  };
}

/** One failing feature is logged and skipped: the features after it still run. */
export function withErrorBoundary<C extends { log: { error: (obj: object, msg: string) => void } }>(
  name: string,
  feature: Middleware<C>,
): Middleware<C> {
  return async (ctx, next) => {
    let calledNext = false;
    try {
      await feature(ctx, () => {
        calledNext = true;
        return next();
      });
    } catch (error) {
      ctx.log.error({ err: error, feature: name }, 'feature failed');
      if (!calledNext) await next();
    }
  };
}
