import { fine, scenario } from '../procedure';
import { individual, organization } from '../parties';

/** 罚款已缴、结案: the common end of a case, across the bureaus and the key industries, published where the party is an enterprise. */
export const PAID_AND_CLOSED = [
  scenario(
    {
      key: 'paid-fireworks-beihu',
      agency: '431002',
      opened: { daysAgo: 318 },
      source: 'inspection',
      industry: 'fireworks',
      party: organization('431002', '郴州市北湖区鑫盛烟花爆竹批发部', '王建华', '郴州市北湖区燕泉路88号'),
      violations: [{ code: 'AQ-99', description: '烟花爆竹仓库超核定药量储存', provisions: ['安全生产法 Art. 99'] }],
      summary: '春节前专项检查发现仓库超核定药量储存烟花爆竹',
    },
    (s) =>
      s
        .penaltyTrunk(fine(8000, '安全生产法 Art. 99', 'AQ-99', 'slight'), '仓库储存量超出核定药量约20%，违法事实清楚')
        .publish()
        .pay(6)
        .close('罚款已缴清，违法行为已纠正，结案'),
  ),
  scenario(
    {
      key: 'paid-chemicals-suxian',
      agency: '431003',
      opened: { daysAgo: 300 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431003', '郴州苏仙区恒达化工有限公司', '李国强', '郴州市苏仙区白露塘镇'),
      violations: [
        {
          code: 'AQ-99',
          description: '危险化学品储罐区未设置可燃气体泄漏报警装置',
          provisions: ['安全生产法 Art. 36', '安全生产法 Art. 99'],
        },
      ],
      summary: '危险化学品储罐区未设置泄漏报警装置',
    },
    (s) =>
      s
        .penaltyTrunk(fine(18000, '安全生产法 Art. 99', 'AQ-99', 'general'), '储罐区未设泄漏报警装置，已责令立即停用', { waive: false })
        .publish()
        .pay(10)
        .close('罚款已缴清，报警装置已安装并经复核，结案'),
  ),
  scenario(
    {
      key: 'paid-mining-guiyang',
      agency: '431021',
      opened: { daysAgo: 287 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431021', '桂阳县宏发矿业有限公司', '陈立新', '桂阳县黄沙坪街道'),
      violations: [
        {
          code: 'AQ-97-3',
          description: '井下作业人员未经安全生产教育和培训上岗作业',
          provisions: ['安全生产法 Art. 28', '安全生产法 Art. 97'],
        },
      ],
      summary: '井下作业人员未经安全培训上岗',
    },
    (s) =>
      s
        .penaltyTrunk(fine(25000, '安全生产法 Art. 97', 'AQ-97-3', 'general'), '3名井下作业人员未经培训即上岗作业')
        .publish(1)
        .pay(12)
        .close('罚款已缴清，涉事人员已补训考核合格，结案'),
  ),
  scenario(
    {
      key: 'paid-construction-yizhang',
      agency: '431022',
      opened: { daysAgo: 262 },
      source: 'complaint',
      industry: 'construction',
      party: organization('431022', '宜章县城建工程有限公司', '刘志平', '宜章县玉溪镇'),
      violations: [{ code: 'AQ-102', description: '施工现场高处作业临边未设防护栏杆', provisions: ['安全生产法 Art. 102'] }],
      summary: '群众举报施工现场高处作业无防护',
    },
    (s) =>
      s
        .penaltyTrunk(fine(12000, '安全生产法 Art. 102', 'AQ-102', 'general'), '楼层临边未设防护栏杆，存在高处坠落隐患')
        .publish()
        .pay(9)
        .close('罚款已缴清，隐患已整改，结案'),
  ),
  scenario(
    {
      key: 'paid-gas-yongxing',
      agency: '431023',
      opened: { daysAgo: 240 },
      source: 'inspection',
      industry: 'gas',
      party: organization('431023', '永兴县安泰燃气有限公司', '曹建军', '永兴县便江街道'),
      violations: [{ code: 'AQ-99', description: '瓶装燃气充装站可燃气体报警器未定期检测', provisions: ['安全生产法 Art. 99'] }],
      summary: '燃气充装站安全设备未定期检测',
    },
    (s) =>
      s
        .penaltyTrunk(fine(9000, '安全生产法 Art. 99', 'AQ-99', 'slight'), '报警器超期未检测，检测报告缺失')
        .publish()
        .pay(5)
        .close('罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'paid-fire-jiahe',
      agency: '431024',
      opened: { daysAgo: 226 },
      source: 'inspection',
      industry: 'crowded_places_fire',
      party: organization('431024', '嘉禾县万家福购物广场有限公司', '雷建国', '嘉禾县珠泉镇'),
      violations: [{ code: 'AQ-102', description: '商场安全出口被货物堵塞，未采取措施消除事故隐患', provisions: ['安全生产法 Art. 102'] }],
      summary: '人员密集场所安全出口堵塞',
    },
    (s) =>
      s
        .penaltyTrunk(fine(6000, '安全生产法 Art. 102', 'AQ-102', 'slight'), '两处安全出口被货物堵塞')
        .publish()
        .pay(3)
        .close('罚款已缴清，安全出口已清理，结案'),
  ),
  scenario(
    {
      key: 'paid-mining-linwu',
      agency: '431025',
      opened: { daysAgo: 205 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431025', '临武县香花岭锡业有限公司', '唐志明', '临武县香花岭镇'),
      violations: [{ code: 'AQ-99', description: '井下通风设施未按规定检测维护', provisions: ['安全生产法 Art. 99'] }],
      summary: '非煤矿山通风设施检测维护不到位',
    },
    (s) =>
      s
        .penaltyTrunk(fine(30000, '安全生产法 Art. 99', 'AQ-99', 'serious'), '主通风机未按规定检测，风量不足', {
          waive: ['statement', 'hearing'],
          major: true,
        })
        .publish()
        .pay(11)
        .close('罚款已缴清，通风系统已检测合格，结案'),
  ),
  scenario(
    {
      key: 'paid-equipment-rucheng',
      agency: '431026',
      opened: { daysAgo: 190 },
      source: 'inspection',
      industry: 'special_equipment',
      party: organization('431026', '汝城县温泉机械制造有限公司', '朱明', '汝城县热水镇'),
      violations: [{ code: 'AQ-99', description: '起重机械安全保护装置失效', provisions: ['安全生产法 Art. 99'] }],
      summary: '起重机械限位装置失效仍在使用',
    },
    (s) =>
      s
        .penaltyTrunk(fine(15000, '安全生产法 Art. 99', 'AQ-99', 'general'), '桥式起重机限位器失效仍投入使用')
        .publish()
        .pay(14)
        .close('罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'paid-school-guidong',
      agency: '431027',
      opened: { daysAgo: 170 },
      source: 'inspection',
      industry: 'school_safety',
      party: organization('431027', '桂东县育才教育培训学校', '郭丽', '桂东县沤江镇'),
      violations: [{ code: 'AQ-102', description: '学校实验室危险化学品未按规定储存', provisions: ['安全生产法 Art. 102'] }],
      summary: '校园实验室危险化学品储存不规范',
    },
    (s) =>
      s
        .penaltyTrunk(fine(5000, '安全生产法 Art. 102', 'AQ-102', 'slight'), '实验室浓硫酸等与易燃品混存')
        .publish()
        .pay(7)
        .close('罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'paid-food-anren',
      agency: '431028',
      opened: { daysAgo: 150 },
      source: 'complaint',
      industry: 'food_drug',
      party: organization('431028', '安仁县稻香食品有限公司', '侯建华', '安仁县永乐江镇'),
      violations: [{ code: 'AQ-97-3', description: '液氨制冷车间从业人员未经安全培训', provisions: ['安全生产法 Art. 97'] }],
      summary: '涉氨制冷企业从业人员未经培训',
    },
    (s) =>
      s
        .penaltyTrunk(fine(16000, '安全生产法 Art. 97', 'AQ-97-3', 'slight'), '制冷车间操作人员未经安全培训')
        .publish()
        .pay(4)
        .close('罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'paid-mining-zixing',
      agency: '431081',
      opened: { daysAgo: 135 },
      source: 'inspection',
      industry: 'mining',
      party: organization('431081', '资兴市东江煤业有限公司', '李卫国', '资兴市唐洞街道'),
      violations: [{ code: 'AQ-97-3', description: '特种作业人员未持证上岗', provisions: ['安全生产法 Art. 30', '安全生产法 Art. 97'] }],
      summary: '煤矿特种作业人员无证上岗',
    },
    (s) =>
      s
        .penaltyTrunk(fine(45000, '安全生产法 Art. 97', 'AQ-97-3', 'general'), '2名井下电钳工未取得特种作业操作证', {
          waive: ['statement', 'hearing'],
          major: true,
        })
        .publish()
        .pay(13)
        .close('罚款已缴清，结案'),
  ),
  scenario(
    {
      key: 'paid-city-chemicals',
      agency: '431000',
      opened: { daysAgo: 120 },
      source: 'accident',
      industry: 'hazardous_chemicals',
      party: organization('431003', '湖南郴州新材料化工股份有限公司', '欧阳平', '郴州市苏仙区高新技术产业园'),
      violations: [
        {
          code: 'AQ-101',
          description: '危险化学品仓库与员工宿舍在同一建筑物内',
          provisions: ['安全生产法 Art. 42', '安全生产法 Art. 101'],
        },
      ],
      summary: '市局直办：危险化学品仓库与员工宿舍同楼',
      major: true,
    },
    (s) =>
      s
        .penaltyTrunk(fine(60000, '安全生产法 Art. 101', 'AQ-101', 'serious'), '仓库二层设员工宿舍，住宿人员12人', {
          waive: ['statement', 'hearing'],
          major: true,
        })
        .publish(1, '郴州市人民政府门户网站')
        .pay(8)
        .close('罚款已缴清，宿舍已搬离，结案'),
  ),
  scenario(
    {
      key: 'paid-township-individual',
      agency: '431002001',
      opened: { daysAgo: 110 },
      source: 'inspection',
      industry: 'fireworks',
      party: individual('431002', '周某某', '1978-04-16', '郴州市北湖区人民路街道'),
      violations: [{ description: '无证零售烟花爆竹', provisions: ['烟花爆竹安全管理条例 Art. 36'] }],
      summary: '街道执法中队检查发现个人无证零售烟花爆竹',
    },
    (s) =>
      s
        .penaltyTrunk(fine(2000, '烟花爆竹安全管理条例 Art. 36'), '沿街门店无许可证零售烟花爆竹约30箱')
        .publish(2, '北湖区人民政府网站')
        .pay(5)
        .close('罚款已缴清，非法产品已没收销毁，结案'),
  ),
  scenario(
    {
      key: 'warning-construction-beihu',
      agency: '431002',
      opened: { daysAgo: 96 },
      source: 'inspection',
      industry: 'construction',
      party: organization('431002', '郴州北湖建工集团有限公司', '孙海', '郴州市北湖区骆仙路'),
      violations: [{ description: '安全生产管理人员未按规定在岗', provisions: ['安全生产法 Art. 25'] }],
      summary: '施工项目专职安全员未在岗',
    },
    (s) =>
      s
        .penaltyTrunk({ penalties: [{ kind: 'warning' }], legalBasis: ['安全生产法 Art. 96'] }, '专职安全员脱岗，情节轻微')
        .publish()
        .close('警告决定已送达即执行完毕，结案', 3),
  ),
  scenario(
    {
      key: 'installments-chemicals-suxian',
      agency: '431003',
      opened: { daysAgo: 215 },
      source: 'inspection',
      industry: 'hazardous_chemicals',
      party: organization('431003', '郴州市苏仙区华盛化工贸易有限公司', '邓光明', '郴州市苏仙区许家洞镇'),
      violations: [{ code: 'AQ-99', description: '危险化学品装卸设施未定期检测', provisions: ['安全生产法 Art. 99'] }],
      summary: '装卸设施未定期检测，企业申请分期缴纳',
    },
    (s) => {
      s.penaltyTrunk(fine(24000, '安全生产法 Art. 99', 'AQ-99', 'general'), '装卸鹤管超期未检测').publish();
      const first = s.workingDaysLater(12);
      const second = s.workingDaysLater(30);
      return s
        .wait(3)
        .step('head', 'approve-deferral', {
          installments: [
            { amountYuan: 12000, dueDate: first },
            { amountYuan: 12000, dueDate: second },
          ],
        })
        .pay(10, { amountYuan: 12000, late: true })
        .pay(20, { amountYuan: 12000, late: true })
        .close('分期罚款已全部缴清，结案');
    },
  ),
];
