"""Word lists for the person-name rules: pinyin words that are places or brands rather than
people, and English words that happen to spell one or two pinyin syllables."""
from __future__ import annotations

# Single pinyin words that name places, brands or institutions, never a person in a list.
NOT_PERSONS: frozenset[str] = frozenset("""
Beijing Shanghai Tianjin Chongqing Hebei Shanxi Liaoning Jilin Heilongjiang Jiangsu
Zhejiang Anhui Fujian Jiangxi Shandong Henan Hubei Hunan Guangdong Hainan Sichuan Guizhou
Yunnan Shaanxi Gansu Qinghai Guangxi Xinjiang Xizang Ningxia Neimenggu Xianggang Aomen
Guangzhou Shenzhen Hangzhou Nanjing Suzhou Wuxi Wuhan Chengdu Xi'an Xiamen Qingdao Dalian
Shenyang Harbin Changsha Zhengzhou Jinan Hefei Fuzhou Nanchang Kunming Guiyang Nanning
Lanzhou Xining Yinchuan Urumqi Lhasa Haikou Sanya Ningbo Wenzhou Dongguan Foshan Zhuhai
China Taiwan Taipei Macao Changchun Taiyuan Shijiazhuang Hohhot Baotou Tangshan Yantai
Weihai Luoyang Kaifeng
Xinhua Huawei Haier Baidu Xiaomi Meituan Taobao Weibo Weixin Didi Renminbi Putonghua
Pinyin Kunqu Wushu Gaokao Hukou Hutong Zhongguancun Pudong Binhai Lujiazui
""".split())

# English words that spell exactly two pinyin syllables and follow a capitalised word often
# enough to matter ("You are", "Long human ..."); a lower-case given name is never one.
ENGLISH_TWO_SYLLABLE: frozenset[str] = frozenset("""
are here came same name game make take sale tale male pale bale lane mane pane sane cane
gene tune dune june nine line mine dine pine bone lone more lore bore fore wore tire dire
mire sire pure cure sure lure care dare fare hare mare bare like bike duke cake lake bake
fake sake wake time dime lime nice mice dice rice pace face lace dance chance fence hence
sense dense base case lose pose muse fuse date fate gate hate late mate bite cite mite rite
site cute lute mute change anger linger longer liner danger hanger manger huge page cage
sage wage beige guise suite mean lean dean human woman women data menu tuna guru gala
genie shine shame shade shake share chime chase fume tinge binge mange hula papa mama
""".split())

# English words of one pinyin syllable: a lower-case word among them is not taken for a given
# name ("an ai model", "he long ago", "fan") by the lower-case full-name rule.
ENGLISH_ONE_SYLLABLE: frozenset[str] = frozenset("""
a ai an ban bang ben bin can cha dang den die dong dun e en fan fang gang gen gong gun ha
hang he hen hun ken la lang le lie long ma man mang me men na nan o pa pan pang pen pi pie
pin ping ran rang run sang sha she shun song sun tan tang tie tong wan ye you zen
""".split())

# Surnames that are also common English words at the start of a sentence.
ENGLISH_SURNAMES: frozenset[str] = frozenset(
    "An Bo Ban Bi Bu Chang Di Fan Fang Gan Ge Gun Hang He Hong Long Man Mao Mi Min Mo Mu Na "
    "Pan Pang Ping Sang Sha Shi Song Sun Tan Tang Tong Tu Wan Wei Yang Ye Yi You Yun".split())
