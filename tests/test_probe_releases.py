"""Releases written for probing, about organisations the rules were not written from
(China-ASEAN Expo, a Shandong provincial department, Geely and Renault, Harbin Institute of
Technology), each full of machine-translation defects: the exact findings, so a change that
loses one or adds one shows here. Each finding was read: all are real defects."""
from __future__ import annotations

import os

import pytest

from tests.helpers import ROOT, lint

RELEASES = os.path.join(ROOT, "tests", "fixtures", "releases")

EXPECTED = {
    "probe_defects_caexpo.txt": [
        ('TI01', 1, 1, 'Open cooperation Win-win future'),
        ('TR07', 1, 59, 'grandly opened'),
        ('TI09', 1, 67, 'opened'),
        ('TI04', 1, 84, '.'),
        ('TR01', 3, 44, '(hereinafter referred to as "CAEXPO")'),
        ('TR07', 3, 129, 'grandly opened'),
        ('BP02', 5, 1, 'The Nanning International Convention and Exhibition Center is full of people on the opening day (Photo by Huang Wei)'),
        ('TM03', 7, 239, 'Ministry of Commerce of Guangxi Zhuang Autonomous Region'),
        ('DU03', 7, 451, 'Guangxi Beibu Gulf International Port Group'),
        ('GB02', 7, 532, 'etc.'),           # TR04 ('etc. and other') defers to it
        ('TR02', 9, 1, 'It is reported that'),
        ('DU01', 9, 327, 'and and'),
        ('TR05', 11, 30, 'vigorously promoted'),
        ('TM05', 11, 75, 'One Belt One Road'),
        ('GB08', 11, 200, '1000 billion'),
        ('NC02', 11, 227, 'China ASEAN Exposition'),
        ('TR03', 13, 26, 'the relevant leaders'),
        ('TR03', 13, 205, 'give full play to'),
        ('TR07', 15, 99, 'successfully signed'),
        ('TR03', 15, 119, 'in concentrated form'),
        ('GB06', 15, 167, '2,200,00'),
        ('PU01', 15, 298, '（'),
        ('BP04', 15, 298, '（End）'),
        ('PU01', 15, 302, '）'),
        ('TR02', 17, 1, 'It is worth mentioning that'),
        ('BP03', 19, 1, 'Editor: Li Ming'),
        ('BP07', 21, 1, 'Source: Guangxi Daily   Time: 2024-09-25   Hits: 1532'),
    ],
    "probe_defects_geely_renault.txt": [
        ('TI08', 1, 87, ' - Sina Finance'),
        ('BP06', 5, 1, 'Share to: WeChat Weibo QQ Space'),
        ('NC01', 9, 47, 'Jili Holding Group'),
        ('GB07', 13, 73, '()'),
        ('TR02', 13, 137, 'It is reported that'),
        ('DU04', 13, 210, 'The plant adopts the most advanced intelligent manufacturing technology, and the automation rate of the key processes reaches 95%.'),
        ('NC03', 15, 5, 'HPL'),
        ('DU02', 15, 364, 'carbon neutrality'),
        ('GB04', 17, 262, 'area.Zhangjiakou'),
        ('GB06', 19, 202, '2,79,000'),
        ('BP06', 21, 1, 'Related news:'),
    ],
    "probe_defects_hit_research.txt": [
        ('TI09', 1, 37, 'Made'),
        # 'Research Results Published in ...' after the comma is a passive participle clause
        # (wire style), not a second finite clause: no TI07; the book-title marks are PU03's
        # one finding (TI03 defers to it)
        ('PU03', 1, 111, '《Science Robotics》'),
        ('TI05', 1, 120, 'Robotics》'),
        ('NC03', 3, 110, 'HIT'),
        ('PU01', 5, 376, '３'),
        ('GB03', 7, 13, 'The'),
        ('GB04', 7, 306, 'Mr.Zhao'),
        ('TR06', 9, 31, 'our university'),
        ('GB01', 9, 245, 'etc. Ltd'),
        ('PN02', 9, 336, 'Kaixuan'),
        ('PN06', 9, 399, 'Park'),
        ('NC04', 11, 34, 'HIT'),        # NC11 ('HIT' does not fit the wrong name) defers to it
        ('LG01', 13, 1, 'Zhè xiàng chéngguǒ wèi wǒguó kōngjiān zhàn de zài guǐ wéihù tígōngle xīn de jìshù zhīchí, jùyǒu zhòngyào de yìngyòng qiánjǐng.'),
        ('LG02', 15, 362, 'technolоgy'),
        ('EN02', 17, 227, '�'),
    ],
    "probe_defects_shandong_fisheries.txt": [
        ('TM02', 3, 15, 'Ministry of Ocean and Fisheries of Shandong Province'),
        ('TR01', 3, 160, '(hereinafter referred to as the "Plan")'),
        ('TM04', 5, 236, 'Qingdao Municipal Ministry of Natural Resources'),
        ('TR05', 7, 258, 'vigorously promote'),
        ('TR07', 7, 281, 'transformation and upgrading'),
        ('GB08', 9, 233, '1,568,300 ten thousand'),
        ('PN03', 9, 262, 'Haibo Wang'),
        ('TR08', 9, 315, 'promote the construction of'),
        ('PN05', 11, 33, 'jianguo'),
        ('PN01', 11, 135, 'Mr. Zhou Tao'),
        ('EN01', 13, 156, 'â€œ'),
        ('EN01', 13, 257, 'â€'),        # the closing ” whose last byte Windows-1252 lost
        ('UT01', 13, 372, '育苗、养殖、加工'),
        ('UT01', 15, 1, '山东省海洋局将会同有关部门加强督导，确保各项任务落到实处。'),
        ('TR02', 17, 1, 'It is understood that'),
        ('GB05', 17, 27, '22th'),
        ('BP05', 19, 1, 'Copyright © 2024 Shandong Provincial Department of Ocean and Fisheries. All Rights Reserved. Reproduction without permission is prohibited.'),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_exact_findings(name):
    with open(os.path.join(RELEASES, name), encoding="utf-8") as fh:
        text = fh.read()
    got = [(f.rule, f.line, f.column, f.text) for f in lint(text) if not f.suppressed]
    assert got == EXPECTED[name]
