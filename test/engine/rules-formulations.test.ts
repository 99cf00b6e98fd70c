import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import formulationData from '../../server/data/formulations.json';
import idiomData from '../../server/data/idioms.json';
import misused from '../../server/data/misused-words.json';
import { ALL_RULES, Linter, resolveConfig } from '../../server/src/engine';
import { charLikeness, editDistance } from '../../server/src/engine/fuzzy';
import { applyEdits } from '../../server/src/engine';
import { diskEngineData } from '../../server/src/host/data';
import { segmenter } from './ruleHelpers';

/** The host's data tables (pinyin and look-alike characters), as the CLI and the server hand them in. */
const DATA = diskEngineData();

function lintOne(text: string, ruleId: string) {
  const rules = ALL_RULES.filter((r) => r.id === ruleId);
  const { config } = resolveConfig({ rules: { [ruleId]: {} } });
  segmenter.cut('预热');
  return new Linter({ config, segmenter, rules, lexicon: () => segmenter.lexicon, data: DATA }).lint(text).findings;
}

/** Flagged texts of one rule, with word frequencies and data tables (as in the product). */
function flagged(text: string, ruleId: string): string[] {
  return lintOne(text, ruleId).map((f) => text.split('\n')[f.range.start.line].slice(f.range.start.character, f.range.end.character));
}

function applyFirstFixes(text: string, [ruleId]: string[]): string {
  return applyEdits(text, lintOne(text, ruleId).flatMap((f) => f.fixes[0]?.edits ?? [])).text;
}

function cases(rule: string, must: [string, string[]][], mustNot: string[], lint = flagged): void {
  for (const [text, expected] of must) test(`${rule} flags ${expected.join('、')} in ${text}`, () => assert.deepEqual(lint(text, rule), expected));
  test(`${rule} leaves correct text alone`, () => {
    for (const text of mustNot) assert.deepEqual(lint(text, rule), [], text);
  });
}

test('fuzzy helpers: edit distance and character likeness', () => {
  assert.equal(editDistance('中央八项规定及其实施细则精神', '中央八项规定及实施细则精神'), 1);
  assert.equal(editDistance('四个意识', '四个意识'), 0);
  assert.equal(editDistance('甲乙丙丁', '戊己庚辛', 2), 3);
  assert.equal(charLikeness('驰', '弛', DATA), 'sound');
  assert.equal(charLikeness('己', '已', DATA), 'shape');
  assert.equal(charLikeness('治', '政', DATA), undefined);
  assert.equal(charLikeness('驰', '弛', undefined), undefined, 'without the host\'s tables nothing is alike');
});

test('formulations.json: every entry has a name, items, a source; names are unique', () => {
  const names = new Set<string>();
  for (const f of (formulationData as { formulations: { name: string; items: unknown[]; source: string }[] }).formulations) {
    assert.ok(f.name && f.items.length >= 2 && f.source, f.name);
    assert.ok(!names.has(f.name), f.name);
    names.add(f.name);
  }
});

cases(
  'formulation-items',
  [
    ['牢固树立“四个意识”（政治意识、大局意识、看齐意识、核心意识）。', ['政治意识、大局意识、看齐意识、核心意识']],
    ['牢固树立“四个意识”（政治意识、大局意识、看齐意识）。', ['四个意识']],
    ['牢固树立“四个意识”，即政治意识、全局意识、核心意识、看齐意识。', ['全局意识']],
    ['增强政治意识、大局意识、看齐意识、核心意识。', ['政治意识、大局意识、看齐意识、核心意识']],
    ['坚定道路自信、理论自信、制度自信、文明自信。', ['文明自信']],
    ['贯彻创新、协调、绿色、共享、开放的新发展理念。', ['创新、协调、绿色、共享、开放']],
    ['统筹经济建设、政治建设、社会建设、文化建设、生态文明建设。', ['经济建设、政治建设、社会建设、文化建设、生态文明建设']],
    ['一体推进不想腐、不敢腐、不能腐。', ['不想腐、不敢腐、不能腐']],
    ['坚决做到“两个坚决维护”。', ['两个坚决维护']],
    ['增强“四个政治意识”。', ['四个政治意识']],
    ['牢固树立“三个意识”。', ['三个意识']],
    ['树牢“四项意识”。', ['四项意识']],
    ['深入开展“两学一作”学习教育。', ['两学一作']],
    ['严格执行“三会一科”制度。', ['三会一科']],
    ['协调推进“四个全面”战略布局：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。', ['全面建成小康社会']],
  ],
  [
    // Correct twins of the cases above.
    '增强“四个意识”、坚定“四个自信”、做到“两个维护”。',
    '牢固树立“四个意识”（政治意识、大局意识、核心意识、看齐意识）。',
    '增强政治意识、大局意识、核心意识、看齐意识。',
    '坚定道路自信、理论自信、制度自信、文化自信。',
    '贯彻创新、协调、绿色、开放、共享的新发展理念。',
    '统筹经济建设、政治建设、文化建设、社会建设、生态文明建设。',
    '一体推进不敢腐、不能腐、不想腐。',
    '深入开展“两学一做”学习教育，落实“三会一课”制度。',
    '坚决纠治形式主义、官僚主义、享乐主义和奢靡之风。',
    // Lists that legitimately differ: a part of the items, a unit's own list, ordinary phrases.
    '坚定道路自信、理论自信、制度自信。',
    '坚决纠治官僚主义、形式主义。',
    '增强政治意识、大局意识，提高工作水平。',
    '从四个方面全面推进工作，落实八项规定精神，执行八个规定动作。',
    '严守政治纪律、组织纪律、廉洁纪律、群众纪律、工作纪律和生活纪律。',
    '树立“三个意识”：服务意识、创新意识、效率意识。'.replace('“三个意识”', '三个意识'),
    // History: the old first item of 四个全面, quoted with its year.
    '2015年，党中央提出“四个全面”战略布局：全面建成小康社会、全面深化改革、全面依法治国、全面从严治党。',
  ],
);

test('formulation-items: the order fix puts the items in their standard order', () => {
  assert.equal(applyFirstFixes('增强政治意识、大局意识、看齐意识、核心意识。', ['formulation-items']), '增强政治意识、大局意识、核心意识、看齐意识。');
});

cases(
  'formulation-name',
  [
    ['严格落实中央八项规定及实施细则精神。', ['中央八项规定及实施细则精神']],
    ['认真学习《中国共产党纪律处份条例》。', ['中国共产党纪律处份条例']],
    ['国家发展与改革委员会印发通知。', ['国家发展与改革委员会']],
    ['中纪委国家监委通报。', ['中纪委国家监委']],
    ['学习贯彻二十届三全会精神。', ['二十届三全会']],
    ['落实党的20大部署，学习20大精神。', ['20大', '20大']],
    ['贯彻20届3中全会精神。', ['20届3中全会']],
    ['14届全国人大3次会议。', ['14届全国人大3次会议']],
    ['深入学习习近平新时代中国特色社会主义思想主题教育。', ['学习习近平新时代中国特色社会主义思想主题教育']],
  ],
  [
    '深入学习贯彻习近平新时代中国特色社会主义思想，严格落实中央八项规定及其实施细则精神。',
    '严格落实中央八项规定及其实施细则，坚决纠治“四风”。',
    '严格执行《中国共产党纪律处分条例》和《中国共产党党内监督条例》。',
    '国家发展和改革委员会、国家发展改革委。中央纪委国家监委网站。中央纪委国家监察委员会。',
    '中央纪委国家监委驻国务院国资委纪检监察组。',
    '全面贯彻党的二十大和二十届二中、三中全会精神。',
    '十四届全国人大三次会议；省委十二届八次全会；市委十三届五次全会。',
    '共有20大类产品，建成20大产业集群。',
  ],
);

test('formulation-name: the numbering fix is safe and writes Chinese numerals', () => {
  assert.equal(applyFirstFixes('贯彻20届3中全会精神。', ['formulation-name']), '贯彻二十届三中全会精神。');
});

cases(
  'outdated-formulation',
  [
    ['坚定“三个自信”。', ['三个自信']],
    ['为决胜全面建成小康社会作出贡献。', ['决胜全面建成小康社会']],
    ['会同国土资源部开展调查。', ['国土资源部']],
    ['做好新冠肺炎疫情防控。', ['新冠肺炎']],
  ],
  [
    '坚定“四个自信”。',
    '2012年，党的十八大提出“三个自信”。',
    '2020年是决胜全面建成小康社会之年。',
    '原国土资源部与国家海洋局整合组建自然资源部。',
    '各级国土资源部门。',
  ],
);

cases('discouraged-word', [['关心残废人的生活。', ['残废人']], ['他是影视天王。', ['天王']]], ['关心残疾人的生活。', '天王星和海王星。']);

test('idioms.json is a plain sorted list of four-character entries without listed wrong forms', () => {
  const list = (idiomData as { idioms: string[] }).idioms;
  assert.ok(list.length >= 5000, String(list.length));
  const wrong = new Set((misused as { entries: { wrong: string }[] }).entries.map((e) => e.wrong));
  for (const w of list) assert.ok(/^[\u4e00-\u9fff]{4}$/.test(w) && !wrong.has(w), w);
  assert.deepEqual([...list].sort(), list);
  for (const w of ['锲而不舍', '驰而不息', '凝心聚力', '踔厉奋发', '实事求是']) assert.ok(list.includes(w), w);
  assert.ok(!list.includes('趋之若骛'));
});

cases(
  'idiom',
  [
    ['这种现象屡见不仙。', ['屡见不仙']],
    ['他们齐心协历，众志成诚。', ['齐心协历', '众志成诚']],
    ['坚持实事求事，与时俱近。', ['实事求事', '与时俱近']],
    ['坚决防止阴奉阳违。', ['阴奉阳违']],
    ['此事刻容缓，要锲不舍地推进。', ['刻容缓', '锲不舍']],
    ['要一如既既往地支持。', ['一如既既往']],
  ],
  [
    '这种现象屡见不鲜。他们齐心协力，众志成城。坚持实事求是，与时俱进。',
    '坚决防止阳奉阴违。同志们迫不及待地投入工作。要一如既往地支持。',
    '全面发展，一年一度，上一年度的工作。做好金融“五篇大文章”，让服务更有温度，不确定难预料因素增多。',
    '新增康复大学等高校14所，在进一步全面深化改革上当好排头兵。',
    '以苦练内功应对风高浪急考验。',
    // Listed wrong forms are misused-word's.
    '要契而不舍、弛而不息。',
  ],
);

cases(
  'collocation',
  [
    ['各部门要形成合理，共同推进。', ['形成合理']],
    ['加强执法力度。', ['加强']],
    ['大力发挥艰苦奋斗精神。', ['发挥']],
    ['召开主题党日活动。', ['召开']],
    ['要克服工作中的问题。', ['克服']],
  ],
  ['各部门要形成合力，共同推进。', '要形成合理的制度安排。', '加大执法力度。', '大力弘扬艰苦奋斗精神。', '开展主题党日活动。', '解决群众反映的问题。', '提高工作效率和服务水平。'],
);

cases(
  'redundancy',
  [
    ['目前现在，我们首先第一要抓好落实。', ['目前现在', '首先第一']],
    ['原因是由于投入不足。各方共同携手。', ['原因是由于', '共同携手']],
  ],
  ['目前，我们首先要抓好落实。', '原因是投入不足。各方携手。'],
);

test('every new rule explains its findings for the hover', () => {
  for (const id of ['formulation-items', 'formulation-name', 'outdated-formulation', 'discouraged-word', 'idiom', 'collocation']) {
    const rule = ALL_RULES.find((r) => r.id === id)!;
    assert.ok(rule.explain, id);
  }
  const items = ALL_RULES.find((r) => r.id === 'formulation-items')!;
  assert.match(items.explain!('三个意识', '规范提法是“四个意识”（…），不是“三个意识”')!, /政治意识、大局意识、核心意识、看齐意识/);
  const outdated = ALL_RULES.find((r) => r.id === 'outdated-formulation')!;
  assert.match(outdated.explain!('国土资源部', '')!, /2018年3月/);
});
