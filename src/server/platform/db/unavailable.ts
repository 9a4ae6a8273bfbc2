/**
 * Whether an error means PostgreSQL cannot be reached right now (stopped, restarting, out of connections,
 * the network to it down) rather than a fault in a query. Such errors are answered 503 with a message
 * that asks the user to try again later; they pass when the server is back.
 */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

// 08: connection exception; 57P01–57P03: administrator or crash shutdown, cannot connect now;
// 53300: too many connections.
const POSTGRES_CODES = /^(08...|57P0[123]|53300)$/;

// node-postgres says these in words only.
const POOL_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Cannot use a pool after calling end on the pool',
];

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const { code, message, errors, cause } = error as {
    code?: unknown;
    message?: unknown;
    errors?: unknown;
    cause?: unknown;
  };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_CODES.test(code))) return true;
  if (typeof message === 'string' && POOL_MESSAGES.some((m) => message.includes(m))) return true;
  // A host with several addresses (localhost: ::1 and 127.0.0.1) fails with an AggregateError of each.
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
