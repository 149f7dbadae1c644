import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { migrations, type Migration } from './index';
import { assertNumbered, migrationFileName } from './numbering';

const folder = __dirname;
const up = () => undefined;
const m = (version: number, name = `step-${version}`): Migration => ({ version, name, up });

/** Every source file under the migrations folder, tests left out (they may use anything). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [file] : [];
  });
}

type Import = { specifier: string; typeOnly: boolean };

/** What a file imports or re-exports, and whether only types come with it; dynamic imports and require() too. */
function importsOf(file: string): Import[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Import[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const everyNameTyped = named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && everyNameTyped));
      found.push({ specifier: node.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, typeOnly: node.isTypeOnly });
    } else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))
    ) {
      const [arg] = node.arguments;
      found.push({ specifier: arg && ts.isStringLiteral(arg) ? arg.text : '<computed>', typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('migration numbering', () => {
  it('holds for the shipped list: versions 1..N in order', () => {
    expect(migrations.map((x) => x.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(assertNumbered(migrations)).toBe(migrations);
  });

  it('refuses a gap, a repeat, a swap, a list not starting at 1 and a name that is not a file name', () => {
    expect(() => assertNumbered([m(1), m(3)])).toThrow(/"step-3" is number 3 but stands at place 2/);
    expect(() => assertNumbered([m(1), m(2), m(2)])).toThrow(/number 2 but stands at place 3/);
    expect(() => assertNumbered([m(2), m(1)])).toThrow(/number 2 but stands at place 1/);
    expect(() => assertNumbered([m(0)])).toThrow(/number 0 but stands at place 1/);
    expect(() => assertNumbered([m(1, 'Closing Day')])).toThrow(/named "Closing Day"/);
    expect(assertNumbered([])).toEqual([]);
  });

  it('keeps each migration in the file its number and name say, and no numbered file outside the list', async () => {
    const numbered = fs.readdirSync(folder).filter((name) => /^\d+-.*\.ts$/.test(name) && !name.endsWith('.test.ts'));
    expect(numbered.sort()).toEqual(migrations.map(migrationFileName));
    for (const migration of migrations) {
      const module = (await import(path.join(folder, migrationFileName(migration)))) as Record<string, unknown>;
      expect(Object.values(module), migrationFileName(migration)).toContain(migration);
    }
  });
});

describe('migrations stay as they shipped', () => {
  it('import nothing but each other, their frozen rules, Node built-ins and types', () => {
    const files = sourceFiles(folder);
    expect(files.length).toBeGreaterThan(migrations.length);
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((entry) => {
          if (entry.typeOnly || entry.specifier.startsWith('node:')) return false;
          if (!entry.specifier.startsWith('.')) return true;
          const target = path.resolve(path.dirname(file), entry.specifier);
          return path.relative(folder, target).startsWith('..');
        })
        .map((entry) => `${path.relative(folder, file)} imports ${entry.specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('the scan sees what it must refuse: live domain code, a package, a dynamic import', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aftertab-scan-'));
    try {
      const file = path.join(dir, '012-example.ts');
      fs.writeFileSync(
        file,
        [
          "import { computeTabTotals } from '../../../shared/domain/tax';",
          "import type { Migration } from './index';",
          "import { type Db, openLedger } from '../open';",
          "import { type Minor } from '../../../shared/money';",
          "import z from 'zod';",
          "export { rateLabel } from '../../../shared/domain/tax';",
          "const later = () => import('../journal');",
        ].join('\n'),
      );
      expect(importsOf(file)).toEqual([
        { specifier: '../../../shared/domain/tax', typeOnly: false },
        { specifier: './index', typeOnly: true },
        { specifier: '../open', typeOnly: false },
        { specifier: '../../../shared/money', typeOnly: true },
        { specifier: 'zod', typeOnly: false },
        { specifier: '../../../shared/domain/tax', typeOnly: false },
        { specifier: '../journal', typeOnly: false },
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
