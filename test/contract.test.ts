/**
 * The API contract holds: the web's types are inferred from the schemas the server serialises with, so
 * a server change the web does not follow fails the typecheck. One TypeScript program with the project's
 * tsconfig, rooted at the files that read the fields (their imports come along), with three edits held
 * in memory only:
 *  - the contract renames a field the web reads (Me.grantableRoles),
 *  - the contract loses a field the web reads (CampaignSummary.deadlineAt),
 *  - a presenter stops sending a field the contract promises (a nomination's reviewRequested).
 * The first two must break web files, the third the server's route.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (relative: string) => path.join(root, relative);

interface Edit {
  file: string;
  from: string;
  to: string;
}

const EDITS: Edit[] = [
  {
    file: 'src/core/contract/auth.ts',
    from: '    grantableRoles: z.array(role),',
    to: '    grantableRoleNames: z.array(role),',
  },
  {
    file: 'src/core/contract/campaigns.ts',
    from: "    deadlineAt: z.string().nullable().describe('截止时刻，ISO 8601'),",
    to: '',
  },
  {
    file: 'src/server/modules/nominations/presenter.ts',
    from: '    reviewRequested: Boolean(n.reviewRequestedAt),',
    to: '',
  },
];

function overlaid(edits: Edit[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const edit of edits) {
    const original = readFileSync(at(edit.file), 'utf8');
    // An edit that no longer matches would prove nothing: fail loudly instead.
    if (!original.includes(edit.from)) throw new Error(`${edit.file} no longer contains: ${edit.from}`);
    texts.set(path.resolve(at(edit.file)), original.replace(edit.from, edit.to));
  }
  return texts;
}

/** The files that read the edited fields; only these are checked, which keeps the test quick. */
const READERS = {
  grantableRoles: ['web/src/components/RoleSelect.tsx'],
  deadlineAt: ['web/src/components/campaign/UnitSummary.tsx', 'web/src/components/paper/UnitPaper.tsx'],
  reviewRequested: ['src/server/modules/nominations/routes.ts'],
};

function programWith(texts: Map<string, string>, rootFiles: string[]): ts.Program {
  const configPath = at('tsconfig.json');
  const config = ts.readConfigFile(configPath, ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root, undefined, configPath);
  const host = ts.createCompilerHost(parsed.options, true);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => texts.get(path.resolve(fileName)) ?? readFile(fileName);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = texts.get(path.resolve(fileName));
    return text === undefined
      ? getSourceFile(fileName, languageVersion, onError, shouldCreate)
      : ts.createSourceFile(fileName, text, languageVersion, true);
  };
  return ts.createProgram({ rootNames: rootFiles.map(at), options: parsed.options, host });
}

interface Problem {
  file: string;
  message: string;
}

function problemsIn(program: ts.Program, files: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const file of files) {
    const source = program.getSourceFile(at(file));
    if (!source) throw new Error(`${file} is not in the program`);
    for (const d of program.getSemanticDiagnostics(source)) {
      problems.push({ file, message: ts.flattenDiagnosticMessageText(d.messageText, '\n') });
    }
  }
  return problems;
}

describe('the API contract', () => {
  it('fails the typecheck of the web when a response loses or renames a field, and of the server when a presenter drops one', () => {
    const files = Object.values(READERS).flat();
    const problems = problemsIn(programWith(overlaid(EDITS), files), files);
    // Every problem is one of the edits' doing (the files typecheck as they are: `tsc` says so).
    expect(
      problems.filter((p) => !Object.keys(READERS).some((field) => p.message.includes(`'${field}'`))),
    ).toEqual([]);
    const naming = (field: string) => problems.filter((p) => p.message.includes(`'${field}'`));

    for (const [field, readers] of Object.entries(READERS)) {
      expect(new Set(naming(field).map((p) => p.file)), field).toEqual(new Set(readers));
    }
  }, 120_000);
});
