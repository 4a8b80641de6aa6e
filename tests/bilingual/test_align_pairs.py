"""The aligner on small releases written for the tests: other organisations, other topics, and
the ways real pairs differ (furniture on one side, an omitted paragraph, merged and split
sentences and paragraphs, list items, a moved headline).

Each case lists the expected beads as (Chinese sentences, English sentences), each sentence by a
fragment of its text; every bead of the alignment must be one of them, in order.
"""
from __future__ import annotations

import pytest

from qa.bilingual.align import align

EV_ZH = """蓝湾汽车发布新一代电池 续航突破1000公里

新华社合肥5月18日电（记者 周敏）蓝湾汽车18日在合肥发布新一代固态电池，\
搭载该电池的车型续航里程可达1000公里。公司计划今年投资120亿元扩建生产线，\
预计年产能将提升至50万辆。

蓝湾汽车董事长陈立伟表示：“固态电池是我们未来五年的核心战略。\
”他说，新电池的能量密度比上一代提高了40%，充电时间缩短至15分钟。

据了解，蓝湾汽车去年销量达到32.6万辆，同比增长58%。

责任编辑：王芳
"""
EV_EN = """Lanwan Auto unveils next-generation battery with a range of over 1,000 km

HEFEI, May 18 (Xinhua) -- Lanwan Auto on Thursday unveiled a new generation of solid-state batteries in \
Hefei, saying vehicles equipped with the battery can travel up to 1,000 km on a single charge. The company \
plans to invest 12 billion yuan this year to expand its production lines, and expects annual capacity to \
rise to 500,000 vehicles.

"Solid-state batteries are our core strategy for the next five years," said Chen Liwei, chairman of Lanwan \
Auto. He said the energy density of the new battery is 40 percent higher than that of the previous \
generation, and charging time has been cut to 15 minutes.

Lanwan Auto sold 326,000 vehicles last year, up 58 percent year on year.

Share to: WeChat | Weibo
"""
EV_BEADS = [
    (["蓝湾汽车发布新一代电池"], ["Lanwan Auto unveils"]),
    (["新华社合肥5月18日电"], ["HEFEI, May 18"]),
    (["公司计划今年投资120亿元"], ["The company plans"]),
    (["蓝湾汽车董事长陈立伟表示"], ['"Solid-state batteries']),
    (["他说，新电池"], ["He said the energy"]),
    (["据了解"], ["Lanwan Auto sold"]),
    (["责任编辑"], []),
    ([], ["Share to"]),
]

UNI_ZH = """华南理工大学发布2023年本科招生计划

本报广州6月2日讯（记者 刘洋）华南理工大学2日公布2023年本科招生计划，\
今年计划招收本科生7200人，比去年增加300人。

今年的招生有三个变化：
一、新增人工智能、集成电路两个专业；
二、在广东省内的招生计划增加至4100人；
三、继续实施“强基计划”，招生名额为150人。

学校招生办主任黄晓东介绍，学校将于6月25日举办校园开放日。欢迎考生和家长前来参观。
"""
UNI_EN = """South China University of Technology releases 2023 undergraduate enrollment plan

GUANGZHOU, June 2 -- South China University of Technology announced its 2023 undergraduate enrollment \
plan on Friday. It plans to admit 7,200 undergraduates this year, 300 more than last year.

This year's admissions bring three changes:
1. Two new majors, artificial intelligence and integrated circuits, are added;
2. The enrollment quota within Guangdong Province rises to 4,100;
3. The "Strong Foundation Plan" continues, with 150 places.

Huang Xiaodong, director of the university's admissions office, said the university will hold a campus \
open day on June 25, and welcomed students and parents to visit.
"""
UNI_BEADS = [
    (["华南理工大学发布"], ["South China University of Technology releases"]),
    (["本报广州6月2日讯"], ["GUANGZHOU, June 2", "It plans to admit"]),
    (["今年的招生有三个变化"], ["This year's admissions"]),
    (["一、新增"], ["1. Two new majors"]),
    (["二、在广东"], ["2. The enrollment quota"]),
    (["三、继续"], ["3. The \"Strong"]),
    (["学校招生办主任", "欢迎考生"], ["Huang Xiaodong"]),
]

TOUR_ZH = """桂林旅游旺季迎来客流高峰

桂林市文化广电和旅游局10日发布数据显示，“五一”假期期间，全市共接待游客486.5万人次，实现旅游收入52.3亿元。

图为游客在漓江乘坐竹筏游览。（李明 摄）

其中，阳朔县接待游客128万人次，同比增长35%。西街、遇龙河等景区人气最旺。

为应对客流高峰，桂林新增旅游大巴200辆，并在主要景区设立了18个志愿服务站。

业内人士认为，今年桂林旅游市场复苏势头强劲。
"""
TOUR_EN = """Guilin sees tourist peak in high season

Guilin received 4.865 million tourist visits during the May Day holiday, generating tourism revenue of \
5.23 billion yuan, according to data released on Wednesday by the city's culture, radio, television and \
tourism bureau.

Among them, Yangshuo County received 1.28 million visits, up 35 percent year on year. Scenic spots such as \
West Street and the Yulong River were the most popular.

Industry insiders believe that Guilin's tourism market is recovering strongly this year.
"""
TOUR_BEADS = [
    (["桂林旅游旺季"], ["Guilin sees"]),
    (["桂林市文化广电"], ["Guilin received"]),
    (["图为游客"], []),
    (["其中，阳朔县"], ["Among them"]),
    (["西街"], ["Scenic spots"]),
    (["为应对客流高峰"], []),
    (["业内人士"], ["Industry insiders"]),
]

BANK_ZH = """招商银行一季度净利润同比增长7.8%

招商银行28日晚间发布2023年一季度报告。报告显示，该行一季度实现营业收入918.6亿元，\
实现归属于本行股东的净利润389.4亿元，同比增长7.8%。

截至3月末，招商银行资产总额达到10.5万亿元，较上年末增长4.6%；不良贷款率为0.95%，较上年末下降0.01个百分点。

招商银行行长王良在业绩发布会上表示，该行将继续加大对实体经济的支持力度。
"""
BANK_EN = """China Merchants Bank released its report for the first quarter of 2023 on Friday evening. The \
report showed that the bank's operating income reached 91.86 billion yuan in the first quarter, and net \
profit attributable to shareholders was 38.94 billion yuan, up 7.8 percent year on year.

China Merchants Bank's first-quarter net profit up 7.8%

As of the end of March, total assets of China Merchants Bank reached 10.5 trillion yuan, up 4.6 percent \
from the end of last year; the non-performing loan ratio was 0.95 percent, down 0.01 percentage points \
from the end of last year.

Wang Liang, president of China Merchants Bank, said at the results briefing that the bank will continue \
to step up its support for the real economy.
"""
BANK_BEADS = [
    (["招商银行一季度净利润"], ["China Merchants Bank's first-quarter"]),
    (["招商银行28日晚间"], ["China Merchants Bank released"]),
    (["报告显示"], ["The report showed"]),
    (["截至3月末", "不良贷款率"], ["As of the end of March"]),
    (["招商银行行长王良"], ["Wang Liang"]),
]

RUN_ZH = """2023深圳马拉松开跑 3万名选手参赛

12月3日，2023深圳马拉松在深圳市民中心鸣枪开跑。来自全球30多个国家和地区的3万名选手参加了比赛。

本届赛事设全程马拉松、半程马拉松和10公里跑三个项目。

肯尼亚选手基普罗蒂奇以2小时09分18秒的成绩获得男子全程冠军。女子全程冠军由埃塞俄比亚选手获得。

赛事由深圳市体育局主办，华为、腾讯等企业提供赞助。组委会表示，赛道沿线共设置了25个补给站和1200名志愿者。
"""
RUN_EN = """2023 Shenzhen Marathon kicks off with 30,000 runners

The 2023 Shenzhen Marathon started at the Shenzhen Civic Center on December 3. A total of 30,000 runners \
from more than 30 countries and regions took part in the race. The event featured three races: the full \
marathon, the half marathon and a 10 km run.

Kenyan runner Kiprotich won the men's full marathon in 2 hours 9 minutes 18 seconds. The women's title \
went to an Ethiopian runner.

The event was hosted by the Shenzhen Municipal Sports Bureau and sponsored by companies including Huawei \
and Tencent.

The organizing committee said 25 supply stations and 1,200 volunteers were set up along the course.
"""
RUN_BEADS = [
    (["2023深圳马拉松开跑"], ["2023 Shenzhen Marathon kicks off"]),
    (["12月3日"], ["The 2023 Shenzhen Marathon started"]),
    (["来自全球"], ["A total of 30,000"]),
    (["本届赛事"], ["The event featured"]),
    (["肯尼亚选手"], ["Kenyan runner"]),
    (["女子全程冠军"], ["The women's title"]),
    (["赛事由深圳市体育局"], ["The event was hosted"]),
    (["组委会表示"], ["The organizing committee"]),
]

CASES = {
    "ev-furniture-both-sides": (EV_ZH, EV_EN, EV_BEADS),
    "university-list-split-merge": (UNI_ZH, UNI_EN, UNI_BEADS),
    "tourism-caption-and-omission": (TOUR_ZH, TOUR_EN, TOUR_BEADS),
    "bank-moved-headline": (BANK_ZH, BANK_EN, BANK_BEADS),
    "marathon-merged-split-paragraphs": (RUN_ZH, RUN_EN, RUN_BEADS),
}


def _describe(zh: str, en: str, bead) -> tuple[list[str], list[str]]:
    return [zh[s:e] for s, e in bead.zh], [en[s:e] for s, e in bead.en]


def _matches(texts: list[str], fragments: list[str]) -> bool:
    return len(texts) == len(fragments) and all(f in t for t, f in zip(texts, fragments, strict=True))


@pytest.mark.parametrize("name", list(CASES))
def test_hand_written_pairs_align_as_expected(name):
    zh, en, expected = CASES[name]
    alignment = align(zh, en)
    got = [_describe(zh, en, b) for b in alignment.beads]
    assert len(got) == len(expected), got
    for (zt, et), (zf, ef) in zip(got, expected, strict=True):
        assert _matches(zt, zf) and _matches(et, ef), (zt, et, zf, ef)


def test_spans_are_code_points_into_the_texts_given():
    for zh, en, _ in CASES.values():
        alignment = align(zh, en)
        for bead in alignment.beads:
            for s, e in bead.zh:
                assert zh[s:e] == zh[s:e].strip() and zh[s:e]
            for s, e in bead.en:
                assert en[s:e] == en[s:e].strip() and en[s:e]
            assert 0.0 <= bead.confidence <= 1.0


def test_the_moved_headline_is_marked_and_confident_gaps_are_listed():
    alignment = align(BANK_ZH, BANK_EN)
    moved = [b for b in alignment.beads if b.moved]
    assert len(moved) == 1 and BANK_EN[slice(*moved[0].en[0])].startswith("China Merchants Bank's first")
    alignment = align(TOUR_ZH, TOUR_EN)
    omitted = [TOUR_ZH[s:e] for s, e in alignment.omitted]
    assert omitted == ["图为游客在漓江乘坐竹筏游览。（李明 摄）",
                       "为应对客流高峰，桂林新增旅游大巴200辆，并在主要景区设立了18个志愿服务站。"]
    assert alignment.added == ()
    assert all(b.confidence >= 0.5 for b in alignment.gaps)
