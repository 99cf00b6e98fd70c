/**
 * A strict reader of VS Code snippet bodies ($1, ${1:default}, ${1|a,b|}, $0, variables, \$ escapes).
 * It validates the snippet files and renders a body as the plain text it inserts with its defaults.
 */

type Node =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number }
  | { type: 'placeholder'; index: number; children: Node[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children?: Node[] };

export interface ParsedSnippet {
  /** Chinese messages; empty when the body is valid. */
  errors: string[];
  /** The text inserted when every tab stop keeps its default (choices: the first option). */
  text: string;
  /** Tab stop numbers used, in order of first appearance (0 included when present). */
  tabstops: number[];
}

const VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER', 'TM_FILENAME',
  'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH', 'CLIPBOARD', 'WORKSPACE_NAME',
  'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER', 'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH',
  'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT', 'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR', 'CURRENT_MINUTE', 'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET', 'RANDOM',
  'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

class Reader {
  pos = 0;
  readonly errors: string[] = [];
  constructor(readonly s: string) {}

  /** Reads nodes until the end, or until an unescaped } when inside a placeholder. */
  nodes(nested: boolean): Node[] {
    const out: Node[] = [];
    let text = '';
    const flush = () => {
      if (text) out.push({ type: 'text', value: text });
      text = '';
    };
    while (this.pos < this.s.length) {
      const c = this.s[this.pos];
      if (c === '\\') {
        const next = this.s[this.pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          this.pos += 2;
        } else {
          text += c;
          this.pos++;
        }
      } else if (c === '$') {
        flush();
        const node = this.dollar();
        if (node) out.push(node);
      } else if (c === '}') {
        if (nested) break;
        this.errors.push(`第 ${this.pos + 1} 个字符的“}”未转义（应写作 \\}）`);
        text += c;
        this.pos++;
      } else {
        text += c;
        this.pos++;
      }
    }
    flush();
    return out;
  }

  private dollar(): Node | undefined {
    const start = this.pos;
    const rest = this.s.slice(this.pos + 1);
    let m: RegExpExecArray | null;
    if ((m = /^\d+/.exec(rest))) {
      this.pos += 1 + m[0].length;
      return { type: 'tabstop', index: Number(m[0]) };
    }
    if ((m = /^[_A-Za-z][_A-Za-z0-9]*/.exec(rest))) {
      this.pos += 1 + m[0].length;
      if (!VARIABLES.has(m[0])) this.errors.push(`未知变量 $${m[0]}（普通的 $ 应写作 \\$）`);
      return { type: 'variable', name: m[0] };
    }
    if (rest[0] !== '{') {
      this.errors.push(`第 ${start + 1} 个字符的“$”未转义（应写作 \\$）`);
      this.pos++;
      return { type: 'text', value: '$' };
    }
    this.pos += 2;
    const head = /^(\d+)|^([_A-Za-z][_A-Za-z0-9]*)/.exec(this.s.slice(this.pos));
    if (!head) {
      this.errors.push(`第 ${start + 1} 个字符的“\${”后面缺少编号或变量名`);
      return undefined;
    }
    this.pos += head[0].length;
    const index = head[1] !== undefined ? Number(head[1]) : undefined;
    if (head[2] !== undefined && !VARIABLES.has(head[2])) this.errors.push(`未知变量 \${${head[2]}}`);
    const c = this.s[this.pos];
    if (c === '}') {
      this.pos++;
      return index !== undefined ? { type: 'tabstop', index } : { type: 'variable', name: head[2] };
    }
    if (c === ':') {
      this.pos++;
      const children = this.nodes(true);
      if (this.s[this.pos] !== '}') {
        this.errors.push(`第 ${start + 1} 个字符开始的占位符缺少“}”`);
        return undefined;
      }
      this.pos++;
      return index !== undefined ? { type: 'placeholder', index, children } : { type: 'variable', name: head[2], children };
    }
    if (c === '|' && index !== undefined) {
      this.pos++;
      const options: string[] = [];
      let option = '';
      while (this.pos < this.s.length) {
        const ch = this.s[this.pos];
        if (ch === '\\' && /[,|\\$}]/.test(this.s[this.pos + 1] ?? '')) {
          option += this.s[this.pos + 1];
          this.pos += 2;
        } else if (ch === ',') {
          options.push(option);
          option = '';
          this.pos++;
        } else if (ch === '|' && this.s[this.pos + 1] === '}') {
          options.push(option);
          this.pos += 2;
          if (options.some((o) => o === '')) this.errors.push(`选项 \${${index}|…|} 中有空选项`);
          return { type: 'choice', index, options };
        } else {
          option += ch;
          this.pos++;
        }
      }
      this.errors.push(`第 ${start + 1} 个字符开始的选项缺少“|}”`);
      return undefined;
    }
    if (c === '/') this.errors.push(`第 ${start + 1} 个字符开始的变换（/…/…/）不在本项目支持范围内`);
    else this.errors.push(`第 ${start + 1} 个字符开始的“\${”写法无效`);
    const close = this.s.indexOf('}', this.pos);
    this.pos = close < 0 ? this.s.length : close + 1;
    return undefined;
  }
}

export function parseSnippet(body: string): ParsedSnippet {
  const reader = new Reader(body);
  const nodes = reader.nodes(false);
  const errors = reader.errors;
  const defaults = new Map<number, string>();
  const order: number[] = [];
  const collect = (list: Node[]) => {
    for (const node of list) {
      if (node.type === 'tabstop' || node.type === 'placeholder' || node.type === 'choice') {
        if (!order.includes(node.index)) order.push(node.index);
      }
      if (node.type === 'placeholder') {
        collect(node.children);
        const value = render(node.children);
        const previous = defaults.get(node.index);
        if (previous !== undefined && previous !== value) errors.push(`编号 ${node.index} 有两个不同的默认值“${previous}”和“${value}”`);
        defaults.set(node.index, value);
      } else if (node.type === 'choice') {
        if (defaults.has(node.index)) errors.push(`编号 ${node.index} 既是选项又有默认值`);
        defaults.set(node.index, node.options[0]);
      } else if (node.type === 'variable' && node.children) {
        collect(node.children);
      }
    }
  };
  const render = (list: Node[]): string =>
    list
      .map((node) => {
        switch (node.type) {
          case 'text':
            return node.value;
          case 'tabstop':
            return defaults.get(node.index) ?? '';
          case 'placeholder':
            return render(node.children);
          case 'choice':
            return node.options[0];
          case 'variable':
            return node.children ? render(node.children) : '';
        }
      })
      .join('');
  collect(nodes);
  // Tab stops are numbered 1, 2, 3 … without gaps ($0, the final position, is optional).
  const numbered = order.filter((n) => n > 0).sort((a, b) => a - b);
  numbered.forEach((n, i) => {
    if (n !== i + 1) errors.push(`编号不连续：缺少 $${i + 1}`);
  });
  return { errors: [...new Set(errors)], text: render(nodes), tabstops: order };
}
