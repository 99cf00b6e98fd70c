// Scenario 1: a report with known errors → the Problems panel lists them, in Chinese, at the right places.
import assert from 'node:assert/strict';

export default {
  docs: { '': 'problems.png' },
  title: 'the Problems panel lists the errors of a report with Chinese messages and positions',
  async run({ wb, shot }) {
    await wb.openFile('工作总结.txt');
    // What `gongwen check examples/work-report.txt` prints (README), as the Problems panel shows it.
    const expected = [
      ['序次语不连续：此处应为“三是”，写作“四是”', 7, 86],
      ['带括号的序号后不加标点：“（二）、”应写作“（二）”', 8, 1],
      ['三级标题序号后应用下脚点“.”：“1、”应写作“1.”', 9, 1],
      ['二级标题序号不连续：上一个是“（三）”，此处应为“（四）”，缺少“（四）”', 14, 1],
      ['二级标题单独成行时末尾不加句号', 14, 22],
      ['一级标题序号不连续：上一个是“二、”，此处应为“三、”，缺少“三、”', 20, 1],
      ['表示“到某时为止”宜用“截至”', 13, 10],
      ['中文中应使用全角标点：“,”应改为“，”', 13, 30],
      ['疑似错别字：“渡”可能应为“度”（制度）', 18, 82],
      ['错别字：“布署”应为“部署”', 22, 23],
    ];
    // The panel shows a dozen rows; the list is virtual, so rows below the fold are not in the page.
    // Screenshot the usual layout once the errors are there, then maximize the panel to read every row.
    await wb.problems((r) => r.some((row) => row.includes('带括号的序号后不加标点')) && r.some((row) => row.includes('“布署”应为“部署”')), 'the errors');
    await shot();
    await wb.runCommand('View: Toggle Maximized Panel');
    let rows;
    try {
      rows = await wb.problems((r) => expected.every(([message]) => r.some((row) => row.includes(message))), 'the expected problems');
    } finally {
      await wb.runCommand('View: Toggle Maximized Panel');
    }
    for (const [message, line, column] of expected) {
      const row = rows.find((r) => r.includes(message));
      assert.ok(row.includes(`[Ln ${line}, Col ${column}]`), `“${message}” should be at Ln ${line}, Col ${column}: ${row}`);
      assert.match(row, /gongwen/);
    }
    // The file's row in the panel counts them.
    const fileRow = rows.find((r) => r.includes('工作总结.txt'));
    assert.ok(fileRow, rows.join('\n'));
  },
};
