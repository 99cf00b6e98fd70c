// Report sentences and heading titles put together from clauses, none repeated: the material of the
// bench's "distinct" reports (generate.mjs). The word lists are written for this bench (plain 公文 prose:
// time, place, unit, measure, figures, result); the combinations, not the figures alone, make the lines
// differ. A small share of sentences carries the slips real drafts have (a misused word, a half-width
// comma, a 约…左右), so that the finding paths run too.

const TIMES = ['今年以来', '去年以来', '上半年', '一季度', '前三季度', '近年来', '全年', '本年度', '“十四五”以来', '截至目前', '自开展专项行动以来', '进入汛期以来', '换届以来', '活动开展以来'];
const YEAR_TIMES = ['{y}年以来', '{y}年', '{y}年上半年', '{y}年{m}月以来', '截至{y}年{m}月底'];
const PLACE_HEADS = ['东', '西', '南', '北', '城', '新', '青', '白', '长', '安', '平', '清', '临', '永', '宁', '河', '江', '山', '云', '丰', '阳', '泉', '林', '石', '金', '桃', '柳', '龙', '凤', '兴'];
const PLACE_TAILS = ['山', '河', '安', '平', '阳', '江', '城', '溪', '川', '湖', '林', '桥', '台', '源', '宁', '丰', '坪', '塘', '湾', '岭'];
const PLACE_KINDS = ['区', '县', '镇', '街道', '乡', '开发区', '社区', '村'];
const UNITS = ['局党组', '局机关', '区委办', '市场监管局', '住建局', '财政局', '人社局', '农业农村局', '生态环境分局', '应急管理局', '交通运输局', '文旅局', '统计局', '信访局', '司法局', '教育局', '卫健委', '医保局', '民政局', '自然资源局', '水利局', '商务局', '科技局', '审计局', '税务分局', '公安分局', '消防救援大队', '综合执法局', '行政审批局', '发改委', '经信局', '团委', '妇联', '工会', '街道党工委', '镇党委', '各基层党支部', '机关各科室', '各乡镇', '各成员单位'];
const VERBS = ['深入推进', '扎实开展', '持续深化', '全面落实', '着力加强', '统筹推进', '积极推动', '认真组织', '大力实施', '稳步推进', '不断完善', '切实抓好', '坚持推进', '系统谋划', '精心组织', '高位推动', '常态化开展', '分类推进'];
const OBJECTS = ['安全生产专项整治', '营商环境优化提升', '基层党组织建设', '农村人居环境整治', '干部作风建设', '政务服务改革', '矛盾纠纷排查化解', '食品安全监管', '防汛备汛工作', '重点项目建设', '乡村振兴示范创建', '城市更新行动', '数字政府建设', '校园安全治理', '医保基金监管', '老旧小区改造', '河湖长制落实', '耕地保护', '招商引资', '稳岗就业帮扶', '普法宣传教育', '文明城市创建', '生活垃圾分类', '社区网格化治理', '信访积案化解', '审计问题整改', '科技创新平台建设', '高层次人才引进', '大气污染防治', '消防隐患排查', '燃气安全整治', '养老服务体系建设', '义务教育优质均衡', '集体经济发展', '道路交通安全整治', '森林防火', '电信网络诈骗防范', '政府债务管理', '预算绩效管理', '清廉机关建设'];
const WAYS = ['通过', '依托', '聚焦', '坚持', '注重', '围绕', '立足', '着眼'];
const MEANS = ['问题导向', '清单化管理', '“四不两直”暗查暗访', '部门联动机制', '数字化平台', '包保责任制', '周调度月通报制度', '“一件事一次办”改革', '网格员队伍', '典型案例警示教育', '第三方评估', '专家会诊', '联席会议制度', '“双随机、一公开”监管', '群众评议', '挂图作战', '限时办结制度', '年度目标考核'];
const MEASURES = ['建立工作机制{n}项', '召开专题会议{n}次', '开展督导检查{n}轮', '制定实施方案{n}个', '组织业务培训{n}场次', '印发工作指引{n}份', '选派干部下沉一线{n}人次', '建立问题台账{n}本', '走访企业{n}家', '排查隐患{n}处', '投入资金{k}万元', '完成项目{n}个', '新增就业岗位{k}个', '受理群众诉求{k}件', '检查经营主体{k}户', '化解矛盾纠纷{n}起', '修订制度{n}项', '发放补贴{k}万元', '改造管网{n}公里', '新建站点{n}个'];
const RESULTS = ['整改率达到{p}%', '群众满意度提升至{p}%', '同比增长{q}%', '较上年下降{q}%', '按期办结率达{p}%', '完成年度目标任务的{p}%', '{n}项重点任务全部完成', '获评省级示范点{n}个', '形成可复制经验做法{n}条', '问题发现率提高{q}个百分点', '群众获得感明显增强', '工作质效稳步提升', '重点指标保持全市前列', '未发生较大以上事故', '有关做法被省级媒体报道', '相关经验在全市推广'];
const PROBLEMS = ['部分干部担当作为的主动性不够强', '基层基础工作仍有薄弱环节', '一些政策宣传解读不够到位', '工作统筹协调的力度还需加大', '资金保障压力依然较大', '专业人才储备相对不足', '个别领域监管存在盲区', '考核评价的导向作用发挥不够充分', '信息化支撑能力有待提升', '制度执行存在“上热中温下冷”现象', '调查研究不够深入细致', '问题整改的长效机制尚不健全'];
const NEXT = ['将继续', '将进一步', '要持续', '将坚持', '要着力', '将聚焦'];
const SLIPS = [
  (s) => s.replace('部署', '布署'),
  (s) => s.replace('截至', '截止'),
  (s) => s.replace('，', ','),
  (s) => s.replace(/(\d+)(项|个|次)/, '约$1$2左右'),
  (s) => s.replace('作出', '做出'),
];

/** Sentences (and titles) from the clauses above, drawn with `rand`; never the same one twice. */
export class DistinctSentences {
  constructor(rand) {
    this.rand = rand;
    this.seen = new Set();
  }
  pick(list) {
    return list[Math.floor(this.rand() * list.length)];
  }
  int(min, max) {
    return min + Math.floor(this.rand() * (max - min + 1));
  }
  fill(template) {
    return template
      .replace('{y}', () => String(this.int(2018, 2025)))
      .replace('{m}', () => String(this.int(1, 11)))
      .replace('{n}', () => String(this.int(2, 60)))
      .replace('{k}', () => String(this.int(100, 9800)))
      .replace('{p}', () => `${this.int(81, 99)}.${this.int(0, 9)}`)
      .replace('{q}', () => `${this.int(1, 35)}.${this.int(0, 9)}`);
  }
  place() {
    return this.pick(PLACE_HEADS) + this.pick(PLACE_TAILS) + this.pick(PLACE_KINDS);
  }
  when() {
    return this.rand() < 0.5 ? this.pick(TIMES) : this.fill(this.pick(YEAR_TIMES));
  }
  unit() {
    return this.rand() < 0.4 ? this.place() + this.pick(UNITS) : this.pick(UNITS);
  }
  measures(count) {
    const templates = [];
    while (templates.length < count) {
      const m = this.pick(MEASURES);
      if (!templates.includes(m)) templates.push(m);
    }
    return templates.map((m) => this.fill(m)).join('，');
  }
  draft() {
    const kind = this.rand();
    if (kind < 0.35) return `${this.when()}，${this.unit()}${this.pick(VERBS)}${this.pick(OBJECTS)}，${this.measures(this.int(1, 3))}，${this.fill(this.pick(RESULTS))}。`;
    if (kind < 0.6) return `${this.unit()}${this.pick(WAYS)}${this.pick(MEANS)}，${this.pick(VERBS)}${this.pick(OBJECTS)}，${this.measures(this.int(1, 2))}，${this.fill(this.pick(RESULTS))}。`;
    if (kind < 0.75) return `在${this.pick(OBJECTS)}中，${this.place()}${this.pick(WAYS)}${this.pick(MEANS)}，${this.measures(this.int(2, 3))}，${this.fill(this.pick(RESULTS))}，${this.fill(this.pick(RESULTS))}。`;
    if (kind < 0.88) {
      const first = this.pick(PROBLEMS);
      let second = this.pick(PROBLEMS);
      while (second === first) second = this.pick(PROBLEMS);
      return `从${this.pick(OBJECTS)}情况看，${first}，${this.place()}等地${second.replace(/^(部分|一些|个别)/, '')}。`;
    }
    return `下一步，${this.unit()}${this.pick(NEXT)}${this.pick(VERBS)}${this.pick(OBJECTS)}，${this.pick(WAYS)}${this.pick(MEANS)}，确保${this.pick(OBJECTS)}取得实效。`;
  }
  /** One sentence ending in 。, not produced before by this instance. */
  sentence() {
    for (;;) {
      let s = this.draft();
      if (this.rand() < 0.03) s = this.pick(SLIPS)(s);
      if (!this.seen.has(s)) {
        this.seen.add(s);
        return s;
      }
    }
  }
  /** A heading title (no end punctuation), not produced before by this instance. */
  title() {
    for (;;) {
      const kind = this.rand();
      const t =
        kind < 0.4
          ? `${this.pick(VERBS)}${this.pick(OBJECTS)}`
          : kind < 0.7
            ? `${this.pick(OBJECTS)}取得新成效`
            : kind < 0.85
              ? `${this.place()}${this.pick(OBJECTS)}情况`
              : `${this.pick(WAYS)}${this.pick(MEANS)}推动${this.pick(OBJECTS)}`;
      if (!this.seen.has(t)) {
        this.seen.add(t);
        return t;
      }
    }
  }
}
