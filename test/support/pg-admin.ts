import pg from 'pg';

/** Runs one statement (CREATE or DROP DATABASE) on a server's maintenance database. */
export async function runOnServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
