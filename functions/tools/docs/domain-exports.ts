/**
 * Reads the engine's public module with the TypeScript compiler API: every
 * export of `functions/src/domain/index.ts`, in the order and under the
 * `// Section` comments of that file, with its doc comment, its `@example`
 * tags and its signature as written in the source.
 */
import { relative, resolve } from "node:path";
import ts from "typescript";

export type ExportKind = "function" | "constant" | "class" | "interface" | "type" | "namespace";

export interface DomainExport {
  name: string;
  kind: ExportKind;
  /** The doc comment's text, without tags; "" when there is none. */
  summary: string;
  /** The text of each `@example` tag. */
  examples: string[];
  /** The declaration as written (functions: one line per overload; no bodies). */
  signature: string;
  /** Path of the declaring file, from the repository root. */
  file: string;
  /** For a namespace export (`schemas`): its own exports, name and summary. */
  members?: { name: string; summary: string }[];
}

export interface DomainSection {
  title: string;
  exports: DomainExport[];
}

export const REPO_ROOT = resolve(__dirname, "../../..");
export const DOMAIN_INDEX = "functions/src/domain/index.ts";

/** `// Money and VAT` above an export statement starts a section. */
function sectionTitle(statement: ts.Statement, source: ts.SourceFile): string | null {
  const comments = ts.getLeadingCommentRanges(source.text, statement.pos) ?? [];
  const lines = comments
    .filter((c) => c.kind === ts.SyntaxKind.SingleLineCommentTrivia)
    .map((c) => source.text.slice(c.pos + 2, c.end).trim());
  return lines.length > 0 ? lines[lines.length - 1] : null;
}

/** The `/** … *\/` comment at the top of a file (its own documentation). */
function fileDocComment(source: ts.SourceFile): string {
  const first = (ts.getLeadingCommentRanges(source.text, 0) ?? [])[0];
  if (!first || !source.text.startsWith("/**", first.pos)) return "";
  return source.text
    .slice(first.pos + 3, first.end - 2)
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""))
    .join("\n")
    .trim();
}

function collapse(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Removes `indent` leading spaces from every line but the first (which starts at the node). */
function dedent(text: string, indent: number): string {
  return text
    .split("\n")
    .map((line, i) => (i === 0 ? line : line.slice(Math.min(indent, line.length - line.trimStart().length))))
    .join("\n");
}

/** A node's source text, its continuation lines unindented by the indentation of the line it starts on. */
function sourceText(node: ts.Node): string {
  const source = node.getSourceFile();
  const { line } = source.getLineAndCharacterOfPosition(node.getStart());
  const lineText = source.text.slice(source.getPositionOfLineAndCharacter(line, 0), node.getStart());
  const indent = lineText.length - lineText.trimStart().length;
  return dedent(node.getText(), indent).replace(/^export (declare )?/, "");
}

function tagText(tag: ts.JSDocTagInfo): string {
  return ts
    .displayPartsToString(tag.text)
    .replace(/^\s*\n/, "")
    .trimEnd();
}

function functionSignature(declaration: ts.FunctionDeclaration, checker: ts.TypeChecker): string {
  const name = declaration.name?.getText() ?? "default";
  const typeParameters = declaration.typeParameters
    ? `<${declaration.typeParameters.map((p) => collapse(p.getText())).join(", ")}>`
    : "";
  const parameters = declaration.parameters.map((p) => collapse(p.getText())).join(", ");
  const returned = declaration.type
    ? collapse(declaration.type.getText())
    : checker.typeToString(
        checker.getReturnTypeOfSignature(checker.getSignatureFromDeclaration(declaration) as ts.Signature),
      );
  return `function ${name}${typeParameters}(${parameters}): ${returned}`;
}

function constantSignature(declaration: ts.VariableDeclaration, checker: ts.TypeChecker): string {
  const name = declaration.name.getText();
  if (declaration.type) return `const ${name}: ${collapse(declaration.type.getText())}`;
  const initializer = declaration.initializer;
  // `["20", "10"] as const`: the values are the documentation.
  if (initializer && ts.isAsExpression(initializer) && initializer.type.getText() === "const")
    return `const ${name} = ${sourceText(initializer)}`;
  const type = checker.typeToString(
    checker.getTypeAtLocation(declaration),
    undefined,
    ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.MultilineObjectLiterals,
  );
  return `const ${name}: ${type}`;
}

function classSignature(declaration: ts.ClassDeclaration): string {
  const heritage = (declaration.heritageClauses ?? []).map((h) => ` ${collapse(h.getText())}`).join("");
  const constructor = declaration.members.find(ts.isConstructorDeclaration);
  const parameters = constructor ? constructor.parameters.map((p) => collapse(p.getText())).join(", ") : null;
  const body = parameters === null ? "{}" : `{\n  constructor(${parameters});\n}`;
  return `class ${declaration.name?.getText()}${heritage} ${body}`;
}

function describe(symbol: ts.Symbol, name: string, checker: ts.TypeChecker): DomainExport {
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  const declarations = target.getDeclarations() ?? [];
  const first = declarations[0];
  const file = relative(REPO_ROOT, first.getSourceFile().fileName);
  const summary = ts.displayPartsToString(target.getDocumentationComment(checker)).trim();
  const examples = target
    .getJsDocTags(checker)
    .filter((t) => t.name === "example")
    .map(tagText);
  const base = { name, summary, examples, file };

  if (ts.isSourceFile(first)) {
    const members = checker
      .getExportsOfModule(target)
      .map((m) => {
        const resolved = m.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(m) : m;
        const text = ts.displayPartsToString(resolved.getDocumentationComment(checker)).trim();
        return { name: m.getName(), summary: text };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    return { ...base, kind: "namespace", summary: fileDocComment(first), signature: `namespace ${name}`, members };
  }
  if (ts.isFunctionDeclaration(first)) {
    const overloads = declarations.filter(ts.isFunctionDeclaration);
    const shown = overloads.length > 1 ? overloads.filter((d) => !d.body) : overloads;
    return { ...base, kind: "function", signature: shown.map((d) => functionSignature(d, checker)).join("\n") };
  }
  if (ts.isVariableDeclaration(first))
    return { ...base, kind: "constant", signature: constantSignature(first, checker) };
  if (ts.isClassDeclaration(first)) return { ...base, kind: "class", signature: classSignature(first) };
  if (ts.isInterfaceDeclaration(first)) return { ...base, kind: "interface", signature: sourceText(first) };
  if (ts.isTypeAliasDeclaration(first)) return { ...base, kind: "type", signature: sourceText(first) };
  throw new Error(`${name}: unexpected declaration kind ${ts.SyntaxKind[first.kind]} in ${file}`);
}

/** Every export of the domain's index, grouped by the section comments of that file. */
export function domainSections(root = REPO_ROOT): DomainSection[] {
  const indexPath = resolve(root, DOMAIN_INDEX);
  const program = ts.createProgram([indexPath], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(indexPath);
  if (!source) throw new Error(`cannot read ${indexPath}`);
  const moduleSymbol = checker.getSymbolAtLocation(source);
  if (!moduleSymbol) throw new Error(`${DOMAIN_INDEX} is not a module`);
  const exported = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.getName(), s]));

  const sections: DomainSection[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) continue;
    const title = sectionTitle(statement, source);
    if (title !== null || sections.length === 0) sections.push({ title: title ?? "Exports", exports: [] });
    const names = ts.isNamedExports(statement.exportClause)
      ? statement.exportClause.elements.map((e) => e.name.text)
      : [statement.exportClause.name.text];
    for (const name of names) {
      const symbol = exported.get(name);
      if (!symbol) throw new Error(`${name} is listed in ${DOMAIN_INDEX} but not exported`);
      sections[sections.length - 1].exports.push(describe(symbol, name, checker));
    }
  }
  return sections;
}
