// `gongwen outline` and `gongwen stats`: the section tree and the figures of one file, as text or JSON.
import { computeStats, formatThousands, Linter, outlineToJson, OutlineJson } from '../engine';
import { checkFormat } from './args';
import { configFor, documentKind, makeSegmenterReporter } from './check';
import { readTextFile, TextFile } from './files';
import { isDocx, readDocxFile } from './docx';

export function loadForReading(file: string, configPath: string | undefined, err: (s: string) => void) {
  // A .docx is outlined and counted by its body text (one line per paragraph).
  const source: TextFile = isDocx(file) ? { path: file, text: readDocxFile(file).doc.parts[0].text, encoding: 'utf8', bom: false } : readTextFile(file);
  const config = configFor(file, configPath, err, new Set());
  return { source, config };
}

export function outline(file: string, format: string, configPath: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  checkFormat(format, ['text', 'json']);
  const { source, config } = loadForReading(file, configPath, err);
  const { document } = new Linter({ config, rules: [] }).lint(source.text, documentKind(file));
  const nodes = outlineToJson(document.root);
  if (format === 'json') out(JSON.stringify(nodes, null, 2));
  else {
    const print = (list: OutlineJson[], depth: number) => {
      for (const node of list) {
        const label = node.kind === 'title' ? '【标题】' : node.kind === 'opening' ? '【开头】' : node.kind === 'closing' ? '【结尾】' : '';
        const text = `${label}${node.marker}${node.kind === 'item' ? '' : ' '}${node.kind === 'opening' || node.kind === 'closing' ? '' : node.title}`.trim();
        out(`${'  '.repeat(depth)}${text}  （第 ${node.range.start.line + 1} 行，${formatThousands(node.chars)}字）`);
        print(node.children, depth + 1);
      }
    };
    if (nodes.length === 0) out('（未识别到标题结构）');
    print(nodes, 0);
  }
  return 0;
}

export function stats(file: string, format: string, configPath: string | undefined, out: (s: string) => void, err: (s: string) => void): number {
  checkFormat(format, ['text', 'json']);
  const { source, config } = loadForReading(file, configPath, err);
  const { document } = new Linter({ config, rules: [] }).lint(source.text, documentKind(file));
  const segmenters = makeSegmenterReporter(err);
  const segmenter = segmenters.get(config);
  const result = computeStats(document, segmenter);
  if (result.words !== null && segmenter.error) result.words = null;
  segmenters.report(segmenter);
  if (format === 'json') {
    out(JSON.stringify(result, null, 2));
    return 0;
  }
  out(`字数：${formatThousands(result.chars)}（不含空白）`);
  out(`汉字：${formatThousands(result.hanChars)}`);
  out(`词数：${result.words === null ? '（分词不可用）' : formatThousands(result.words)}`);
  out(`段落：${formatThousands(result.paragraphs)}`);
  out(`标题：${formatThousands(result.headings)}`);
  if (result.sections.length) {
    out('各部分字数：');
    for (const s of result.sections) out(`  ${s.marker}${s.title}  ${formatThousands(s.chars)}字`);
  }
  return 0;
}
