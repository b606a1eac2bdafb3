"""Hand-written tables for ``benchmarks/screening_sets.py``: real companies and name parts.

- ``HARD_NEGATIVES``: real, legitimate companies (apparel, seafood, logistics, retail,
  Korean, Chinese and Japanese groups, in Latin, Hangul, Chinese, Japanese and Cyrillic
  script), including the buyers, brands and publishers named in ``../shared/articles``
  (they are not targets) and the examples of issue 16. Written from general knowledge of
  each company's registered or usual name; none is on the OFAC, UN or UK lists used.
- The parts synthetic Asian supplier names are built from (``SUPPLIER_*``): cities, the
  English words suppliers put in trade names, industries, legal forms in each country's
  style, and Chinese-character and Hangul tables for names in those scripts.
- ``LEGAL_FORMS`` and ``ABBREVIATIONS``: how the list perturbations find and change a
  legal form and shorten a word, as written in supplier files.
"""

from __future__ import annotations

# (name, category, country, note): category is the sector for Latin names, else the
# script (ISO 15924); note says where the name comes from when not the examples.
HARD_NEGATIVES: tuple[tuple[str, str, str, str], ...] = (
    # apparel and textiles
    ("Nike, Inc.", "apparel", "US", "issue 16"),
    ("adidas AG", "apparel", "DE", ""),
    ("PUMA SE", "apparel", "DE", ""),
    ("H & M Hennes & Mauritz AB", "apparel", "SE", ""),
    ("Industria de Diseño Textil, S.A.", "apparel", "ES", "Inditex"),
    ("Fast Retailing Co., Ltd.", "apparel", "JP", ""),
    ("Gap Inc.", "apparel", "US", ""),
    ("PVH Corp.", "apparel", "US", ""),
    ("V.F. Corporation", "apparel", "US", ""),
    ("Levi Strauss & Co.", "apparel", "US", ""),
    ("Hanesbrands Inc.", "apparel", "US", ""),
    ("Ralph Lauren Corporation", "apparel", "US", ""),
    ("Kering SA", "apparel", "FR", "issue 16"),
    ("LVMH Moët Hennessy Louis Vuitton SE", "apparel", "FR", ""),
    ("Burberry Group plc", "apparel", "GB", ""),
    ("Arvind Limited", "apparel", "IN", "issue 16"),
    ("Shahi Exports Private Limited", "apparel", "IN", ""),
    ("Sae-A Trading Co., Ltd.", "apparel", "KR", "issue 16"),
    ("Shinwon Corporation", "apparel", "KR", "article 001: apparel maker"),
    ("Youngone Corporation", "apparel", "KR", ""),
    ("Hansae Co., Ltd.", "apparel", "KR", ""),
    ("Kolon Industries, Inc.", "apparel", "KR", "article 002: brand Kolon"),
    ("KAILAS", "apparel", "CN", "article 002: brand"),
    ("Tae Sung Hata Co., Ltd.", "apparel", "KR", "article 001: plastics maker"),
    ("Crystal International Group Limited", "apparel", "HK", ""),
    ("Shenzhou International Group Holdings Limited", "apparel", "CN", ""),
    ("Pou Chen Corporation", "apparel", "TW", ""),
    ("Yue Yuen Industrial (Holdings) Limited", "apparel", "HK", ""),
    ("Eclat Textile Co., Ltd.", "apparel", "TW", ""),
    ("Makalot Industrial Co., Ltd.", "apparel", "TW", ""),
    ("Li & Fung Limited", "apparel", "HK", ""),
    ("BESTSELLER A/S", "apparel", "DK", ""),
    ("ANTA Sports Products Limited", "apparel", "CN", ""),
    ("Li Ning Company Limited", "apparel", "CN", ""),
    ("Bosideng International Holdings Limited", "apparel", "CN", ""),
    ("Texhong Textile Group Limited", "apparel", "CN", ""),
    ("Jiangsu Sunshine Group Co., Ltd.", "apparel", "CN", "issue 16"),
    ("Weiqiao Textile Company Limited", "apparel", "CN", ""),
    ("Vardhman Textiles Limited", "apparel", "IN", ""),
    ("Welspun Living Limited", "apparel", "IN", ""),
    ("Raymond Limited", "apparel", "IN", ""),
    ("Bangladesh Export Import Company Limited", "apparel", "BD", "Beximco"),
    ("Ha-Meem Group", "apparel", "BD", ""),
    ("DBL Group", "apparel", "BD", ""),
    ("Vietnam National Textile and Garment Group", "apparel", "VN", "Vinatex"),
    ("Viet Tien Garment Corporation", "apparel", "VN", ""),
    ("PT Pan Brothers Tbk", "apparel", "ID", ""),
    ("PT Sri Rejeki Isman Tbk", "apparel", "ID", ""),
    ("MAS Holdings (Pvt) Ltd", "apparel", "LK", ""),
    ("Brandix Lanka Limited", "apparel", "LK", ""),
    ("Nien Hsing Textile Co., Ltd.", "apparel", "TW", ""),
    ("Gildan Activewear Inc.", "apparel", "CA", ""),
    # seafood
    ("Mowi ASA", "seafood", "NO", "issue 16"),
    ("Trident Seafoods Corporation", "seafood", "US", "article 004: buyer"),
    ("Thai Union Group Public Company Limited", "seafood", "TH", ""),
    ("Maruha Nichiro Corporation", "seafood", "JP", ""),
    ("Nippon Suisan Kaisha, Ltd.", "seafood", "JP", ""),
    ("Dongwon Industries Co., Ltd.", "seafood", "KR", ""),
    ("Sajo Industries Co., Ltd.", "seafood", "KR", ""),
    ("Pacific Seafood Group", "seafood", "US", ""),
    ("High Liner Foods Incorporated", "seafood", "CA", ""),
    ("Royal Greenland A/S", "seafood", "GL", ""),
    ("Lerøy Seafood Group ASA", "seafood", "NO", ""),
    ("SalMar ASA", "seafood", "NO", ""),
    ("Austevoll Seafood ASA", "seafood", "NO", ""),
    ("Nueva Pescanova, S.L.", "seafood", "ES", ""),
    ("Minh Phu Seafood Corporation", "seafood", "VN", ""),
    ("Vinh Hoan Corporation", "seafood", "VN", ""),
    ("Sea Harvest Group Limited", "seafood", "ZA", ""),
    ("Bumble Bee Foods, LLC", "seafood", "US", ""),
    ("StarKist Co.", "seafood", "US", ""),
    ("Zhanjiang Guolian Aquatic Products Co., Ltd.", "seafood", "CN", ""),
    ("Zhangzidao Group Co., Ltd.", "seafood", "CN", ""),
    ("Espersen A/S", "seafood", "DK", ""),
    ("Nomad Foods Limited", "seafood", "GB", ""),
    # logistics and shipping
    ("Sinotrans Limited", "logistics", "CN", ""),
    ("COSCO SHIPPING Holdings Co., Ltd.", "logistics", "CN", ""),
    ("A.P. Møller - Mærsk A/S", "logistics", "DK", ""),
    ("Hapag-Lloyd AG", "logistics", "DE", ""),
    ("CMA CGM S.A.", "logistics", "FR", ""),
    ("Mediterranean Shipping Company S.A.", "logistics", "CH", ""),
    ("Evergreen Marine Corporation (Taiwan) Ltd.", "logistics", "TW", ""),
    ("Yang Ming Marine Transport Corporation", "logistics", "TW", ""),
    ("HMM Co., Ltd.", "logistics", "KR", ""),
    ("Ocean Network Express Pte. Ltd.", "logistics", "SG", ""),
    ("Kuehne + Nagel International AG", "logistics", "CH", ""),
    ("Deutsche Post AG", "logistics", "DE", ""),
    ("DSV A/S", "logistics", "DK", ""),
    ("Nippon Express Holdings, Inc.", "logistics", "JP", ""),
    ("Expeditors International of Washington, Inc.", "logistics", "US", ""),
    ("C.H. Robinson Worldwide, Inc.", "logistics", "US", ""),
    ("FedEx Corporation", "logistics", "US", ""),
    ("United Parcel Service, Inc.", "logistics", "US", ""),
    ("CJ Logistics Corporation", "logistics", "KR", ""),
    ("LX Pantos Co., Ltd.", "logistics", "KR", ""),
    ("Kerry Logistics Network Limited", "logistics", "HK", ""),
    ("Yusen Logistics Co., Ltd.", "logistics", "JP", ""),
    ("Kintetsu World Express, Inc.", "logistics", "JP", ""),
    ("Dalian Port (PDA) Company Limited", "logistics", "CN", ""),
    ("Orient Overseas Container Line Limited", "logistics", "HK", ""),
    ("Pacific International Lines (Private) Limited", "logistics", "SG", ""),
    ("Wan Hai Lines Ltd.", "logistics", "TW", ""),
    ("SITC International Holdings Company Limited", "logistics", "HK", ""),
    # retail and food distribution
    ("Tesco PLC", "retail", "GB", "issue 16"),
    ("Walmart Inc.", "retail", "US", ""),
    ("Costco Wholesale Corporation", "retail", "US", ""),
    ("Target Corporation", "retail", "US", ""),
    ("Carrefour SA", "retail", "FR", ""),
    ("ALDI Einkauf SE & Co. oHG", "retail", "DE", ""),
    ("Lidl Stiftung & Co. KG", "retail", "DE", ""),
    ("Sysco Corporation", "retail", "US", "article 004: buyer"),
    ("Coupang, Inc.", "retail", "KR", "article 004: buyer"),
    ("Lotte Corporation", "retail", "KR", "issue 16"),
    ("Lotte Shopping Co., Ltd.", "retail", "KR", "article 004: Lotte Mart"),
    ("E-MART Inc.", "retail", "KR", ""),
    ("AEON Co., Ltd.", "retail", "JP", ""),
    ("Seven & i Holdings Co., Ltd.", "retail", "JP", ""),
    ("Alibaba Group Holding Limited", "retail", "CN", ""),
    ("JD.com, Inc.", "retail", "CN", ""),
    ("Amazon.com, Inc.", "retail", "US", ""),
    ("Koninklijke Ahold Delhaize N.V.", "retail", "NL", ""),
    ("The Kroger Co.", "retail", "US", ""),
    ("Otto Group", "retail", "DE", "issue 16"),
    ("Marks and Spencer Group plc", "retail", "GB", ""),
    ("Primark Stores Limited", "retail", "IE", ""),
    ("Next plc", "retail", "GB", ""),
    ("Decathlon SE", "retail", "FR", ""),
    ("UNIQLO Co., Ltd.", "retail", "JP", ""),
    # Korean, Chinese and Japanese groups
    ("Samsung C&T Corporation", "korean-group", "KR", ""),
    ("Hyundai Corporation", "korean-group", "KR", ""),
    ("LG International Corp.", "korean-group", "KR", ""),
    ("SK Networks Co., Ltd.", "korean-group", "KR", ""),
    ("POSCO International Corporation", "korean-group", "KR", ""),
    ("Korea Zinc Company, Ltd.", "korean-group", "KR", ""),
    ("Korea Electric Power Corporation", "korean-group", "KR", ""),
    ("Korea Trade-Investment Promotion Agency", "korean-group", "KR", "KOTRA"),
    ("Hanwha Corporation", "korean-group", "KR", ""),
    ("Lenovo Group Limited", "chinese-group", "CN", "issue 16"),
    ("Haier Group Corporation", "chinese-group", "CN", ""),
    ("Midea Group Co., Ltd.", "chinese-group", "CN", ""),
    ("BYD Company Limited", "chinese-group", "CN", ""),
    ("China International Marine Containers (Group) Co., Ltd.", "chinese-group", "CN", ""),
    ("Tsingtao Brewery Company Limited", "chinese-group", "CN", ""),
    ("ITOCHU Corporation", "japanese-group", "JP", ""),
    ("Mitsubishi Corporation", "japanese-group", "JP", ""),
    ("Marubeni Corporation", "japanese-group", "JP", ""),
    ("Sumitomo Corporation", "japanese-group", "JP", ""),
    ("Mitsui & Co., Ltd.", "japanese-group", "JP", ""),
    ("Toyota Tsusho Corporation", "japanese-group", "JP", ""),
    ("Nippon Yusen Kabushiki Kaisha", "japanese-group", "JP", ""),
    ("Mitsui O.S.K. Lines, Ltd.", "japanese-group", "JP", ""),
    # publishers and others the articles name (not targets)
    ("Daily NK", "press", "KR", "articles 000, 002, 004: publisher"),
    ("Radio Free Asia", "press", "US", "article 003: publisher"),
    ("Yonhap News Agency", "press", "KR", "article 003"),
    ("Agence France-Presse", "press", "FR", "article 001: AFP"),
    ("Thomson Reuters Corporation", "press", "CA", "articles 001, 003: Reuters"),
    ("The Outlaw Ocean Project", "press", "US", "article 004"),
    ("Center for Advanced Defense Studies", "press", "US", "article 001: C4ADS"),
    ("North Korea Strategy Center", "press", "KR", "article 001"),
    ("Carnegie Endowment for International Peace", "press", "US", "article 001"),
    # names made only of common words (issue 16)
    ("Korea Mining Corporation", "generic", "KR", "issue 16"),
    ("Korea Trading Company", "generic", "KR", "issue 16"),
    # Hangul
    ("삼성전자 주식회사", "Hang", "KR", "Samsung Electronics"),
    ("현대자동차 주식회사", "Hang", "KR", "Hyundai Motor"),
    ("엘지전자 주식회사", "Hang", "KR", "LG Electronics"),
    ("롯데쇼핑 주식회사", "Hang", "KR", "Lotte Shopping"),
    ("주식회사 신원", "Hang", "KR", "Shinwon"),
    ("세아상역 주식회사", "Hang", "KR", "Sae-A Trading"),
    ("영원무역 주식회사", "Hang", "KR", "Youngone"),
    ("한세실업 주식회사", "Hang", "KR", "Hansae"),
    ("코오롱인더스트리 주식회사", "Hang", "KR", "Kolon Industries"),
    ("쿠팡 주식회사", "Hang", "KR", "Coupang"),
    ("주식회사 이마트", "Hang", "KR", "E-Mart"),
    ("씨제이대한통운 주식회사", "Hang", "KR", "CJ Logistics"),
    ("동원산업 주식회사", "Hang", "KR", "Dongwon Industries"),
    ("사조산업 주식회사", "Hang", "KR", "Sajo Industries"),
    ("에이치엠엠 주식회사", "Hang", "KR", "HMM"),
    ("포스코홀딩스 주식회사", "Hang", "KR", "POSCO Holdings"),
    ("주식회사 한화", "Hang", "KR", "Hanwha"),
    ("대한무역투자진흥공사", "Hang", "KR", "KOTRA"),
    ("고려아연 주식회사", "Hang", "KR", "Korea Zinc"),
    ("한국전력공사", "Hang", "KR", "KEPCO"),
    ("연합뉴스", "Hang", "KR", "Yonhap"),
    # Chinese characters (simplified, and traditional for Taiwan)
    ("中国外运股份有限公司", "Hani", "CN", "Sinotrans; issue 16"),
    ("中远海运控股股份有限公司", "Hani", "CN", "COSCO Shipping Holdings"),
    ("联想集团有限公司", "Hani", "CN", "Lenovo Group"),
    ("申洲国际集团控股有限公司", "Hani", "CN", "Shenzhou International"),
    ("安踏体育用品有限公司", "Hani", "CN", "ANTA Sports"),
    ("李宁有限公司", "Hani", "CN", "Li Ning"),
    ("波司登国际控股有限公司", "Hani", "CN", "Bosideng"),
    ("江苏阳光集团有限公司", "Hani", "CN", "Jiangsu Sunshine Group"),
    ("魏桥纺织股份有限公司", "Hani", "CN", "Weiqiao Textile"),
    ("獐子岛集团股份有限公司", "Hani", "CN", "Zhangzidao Group"),
    ("湛江国联水产开发股份有限公司", "Hani", "CN", "Guolian Aquatic"),
    ("阿里巴巴集团控股有限公司", "Hani", "CN", "Alibaba Group"),
    ("海尔集团公司", "Hani", "CN", "Haier Group"),
    ("美的集团股份有限公司", "Hani", "CN", "Midea Group"),
    ("比亚迪股份有限公司", "Hani", "CN", "BYD"),
    ("青岛啤酒股份有限公司", "Hani", "CN", "Tsingtao Brewery"),
    ("大连港股份有限公司", "Hani", "CN", "Dalian Port"),
    ("顺丰控股股份有限公司", "Hani", "CN", "SF Holding"),
    ("長榮海運股份有限公司", "Hani", "TW", "Evergreen Marine"),
    ("陽明海運股份有限公司", "Hani", "TW", "Yang Ming Marine"),
    ("寶成工業股份有限公司", "Hani", "TW", "Pou Chen"),
    ("儒鴻企業股份有限公司", "Hani", "TW", "Eclat Textile"),
    ("聚陽實業股份有限公司", "Hani", "TW", "Makalot"),
    # Japanese
    ("株式会社ファーストリテイリング", "Jpan", "JP", "Fast Retailing"),
    ("株式会社ユニクロ", "Jpan", "JP", "UNIQLO"),
    ("イオン株式会社", "Jpan", "JP", "AEON"),
    ("マルハニチロ株式会社", "Jpan", "JP", "Maruha Nichiro"),
    ("株式会社ニッスイ", "Jpan", "JP", "Nissui"),
    ("日本通運株式会社", "Jpan", "JP", "Nippon Express"),
    ("日本郵船株式会社", "Jpan", "JP", "NYK Line"),
    ("株式会社商船三井", "Jpan", "JP", "Mitsui O.S.K. Lines"),
    ("川崎汽船株式会社", "Jpan", "JP", "K Line"),
    ("伊藤忠商事株式会社", "Jpan", "JP", "ITOCHU"),
    ("三菱商事株式会社", "Jpan", "JP", "Mitsubishi Corporation"),
    ("丸紅株式会社", "Jpan", "JP", "Marubeni"),
    ("豊田通商株式会社", "Jpan", "JP", "Toyota Tsusho"),
    ("株式会社しまむら", "Jpan", "JP", "Shimamura"),
    # Cyrillic
    ("ТОВ «Нова Пошта»", "Cyrl", "UA", "Nova Poshta"),
    ("АТ «Укрзалізниця»", "Cyrl", "UA", "Ukrainian Railways"),
    ("ПрАТ «Оболонь»", "Cyrl", "UA", "Obolon"),
    ("АТ «Ощадбанк»", "Cyrl", "UA", "Oschadbank"),
    ("АО «Эйр Астана»", "Cyrl", "KZ", "Air Astana"),
    ("АО «Казахтелеком»", "Cyrl", "KZ", "Kazakhtelecom"),
    ("«Софарма» АД", "Cyrl", "BG", "Sopharma"),
    ("«Лидл България» ЕООД", "Cyrl", "BG", "Lidl Bulgaria"),
    ("«Телеком Србија» а.д.", "Cyrl", "RS", "Telekom Srbija"),
    ("Монгол Шуудан ХК", "Cyrl", "MN", "Mongol Post"),
)

# Supplier cities by country (ISO 3166 alpha-2).
SUPPLIER_CITIES: dict[str, tuple[str, ...]] = {
    "CN": ("Qingdao", "Shanghai", "Shenzhen", "Guangzhou", "Ningbo", "Xiamen", "Hangzhou",
           "Suzhou", "Wuxi", "Dongguan", "Foshan", "Tianjin", "Yiwu", "Shaoxing", "Nantong",
           "Wenzhou", "Quanzhou", "Jinjiang", "Weihai", "Yantai", "Rizhao", "Zhoushan",
           "Changzhou", "Jiaxing", "Huzhou", "Zhongshan", "Shantou", "Fuzhou", "Putian"),
    "VN": ("Ho Chi Minh City", "Hanoi", "Hai Phong", "Da Nang", "Binh Duong", "Dong Nai",
           "Can Tho", "Nha Trang", "Long An", "Bac Ninh"),
    "KR": ("Seoul", "Busan", "Incheon", "Daegu", "Gwangju", "Ulsan", "Changwon", "Suwon"),
    "BD": ("Dhaka", "Chattogram", "Gazipur", "Narayanganj", "Savar", "Khulna", "Ashulia"),
    "IN": ("Tirupur", "Mumbai", "Chennai", "Ludhiana", "Surat", "Bengaluru", "Noida", "Kolkata",
           "Ahmedabad", "Kochi", "Panipat", "Jaipur", "Coimbatore", "Karur"),
    "ID": ("Jakarta", "Surabaya", "Bandung", "Semarang", "Medan", "Tangerang", "Bekasi",
           "Solo", "Batam"),
    "TH": ("Bangkok", "Samut Prakan", "Samut Sakhon", "Chonburi", "Chiang Mai",
           "Nakhon Pathom", "Songkhla", "Rayong"),
}
# How many Latin-script supplier names each country gets, of 4,000 by default.
SUPPLIER_SHARE: dict[str, float] = {"CN": 0.30, "VN": 0.125, "KR": 0.10, "BD": 0.125,
                                    "IN": 0.15, "ID": 0.10, "TH": 0.10}

# English words suppliers put in trade names. "Sun" and "Moon" are left out: with "Star"
# they spell the bundled Dalian Sun Moon Star, which a clean name must not imitate.
SUPPLIER_TRADE_WORDS: tuple[str, ...] = (
    "Golden", "Bright", "Royal", "Sunshine", "Sunrise", "Blue", "Green", "Phoenix", "Silver",
    "Star", "Ocean", "Pacific", "Crystal", "Grand", "Dragon", "Lucky", "Harmony", "Prosperity",
    "Eastern", "Unity", "Rainbow", "Jade", "Pearl", "Diamond", "Victory", "Glory", "Fortune",
    "Wealth", "Evergreen", "Everbright", "Orient", "Oriental", "Asia", "Sunway", "Sunny",
    "Lotus", "Lion", "Tiger", "Eagle", "Crown", "Imperial", "Supreme", "Elite", "Prime",
    "Smart", "Fine", "Perfect", "Excellent", "Modern", "New Era", "Future", "Hope", "Joy",
    "Happy", "Peace", "Trust", "Honest", "Faith", "Rising", "Shining", "Brilliant", "Splendid",
    "Radiant", "Noble", "Heritage", "Classic", "Vision", "Sincere", "Friendship", "Ever Win",
    "Winner", "Top", "Mega", "Global", "Universal", "Dynamic", "Red", "White", "Jasmine",
    "Maple", "Rose", "Summit", "Horizon", "Coral", "Emerald", "Sapphire", "Apex", "Kingdom",
)
SUPPLIER_INDUSTRIES: tuple[str, ...] = (
    "Textile", "Garment", "Apparel", "Seafood", "Fishery", "Handicraft", "Knitting", "Leather",
    "Footwear", "Packaging", "Trading", "Import & Export", "Logistics", "Electronics",
    "Furniture", "Plastic", "Hardware", "Machinery", "Chemical", "Food", "Aquatic Products",
    "Toys", "Ceramics", "Bamboo Products", "Home Textile", "Knitwear", "Shoes", "Bags",
    "Printing", "Paper Products", "Steel", "Auto Parts", "Lighting", "Cosmetics",
    "Frozen Foods", "Agricultural Products", "Garment Accessories", "Dyeing", "Weaving",
    "Industrial",
)
# Name shapes by country: {city}, {trade} and {industry} are filled in.
SUPPLIER_SHAPES: dict[str, tuple[str, ...]] = {
    "CN": ("{city} {trade} {industry} Co., Ltd.", "{city} {trade} {industry} Co.,Ltd",
           "{city} {trade} {industry} Company Limited", "{city} {trade} {industry} Co., Limited",
           "{city} {trade} Industrial Co., Ltd.", "{city} {trade} Group Co., Ltd.",
           "{city} {trade} {industry} Industry Co., Ltd."),
    "VN": ("Công ty TNHH {trade} {industry} {city}", "Công ty Cổ phần {trade} {industry}",
           "{trade} {industry} Company Limited", "{trade} {industry} {city} Co., Ltd",
           "{trade} {industry} Joint Stock Company", "Công ty TNHH {trade} {industry} Việt Nam"),
    "KR": ("{trade} {industry} Co., Ltd.", "{city} {trade} {industry} Co., Ltd.",
           "{trade} {industry} Corporation", "{trade} {industry} Corp.", "{trade} {industry} Inc."),
    "BD": ("{trade} {industry} Ltd.", "{trade} {industry} Limited",
           "{city} {trade} {industry} (Pvt.) Ltd.", "{trade} {industry} Industries Ltd."),
    "IN": ("{trade} {industry} Pvt. Ltd.", "{trade} {industry} Private Limited",
           "{city} {trade} {industry} Pvt. Ltd.", "{trade} {industry} Exports Pvt. Ltd.",
           "{trade} {industry} Limited", "{trade} {industry} LLP"),
    "ID": ("PT {trade} {industry} {city}", "PT {trade} {industry} Tbk",
           "PT {trade} {industry} Indonesia", "PT {city} {trade} {industry}"),
    "TH": ("{trade} {industry} Co., Ltd.", "{city} {trade} {industry} Co., Ltd",
           "{trade} {industry} Company Limited", "{trade} {industry} Public Company Limited"),
}

# Chinese-character supplier names, shaped like 青岛金光纺织有限公司.
HANZI_CITIES: tuple[str, ...] = (
    "青岛", "上海", "深圳", "广州", "宁波", "厦门", "杭州", "苏州", "无锡", "东莞", "佛山",
    "天津", "义乌", "绍兴", "南通", "温州", "泉州", "晋江", "威海", "烟台", "常州", "嘉兴")
HANZI_TRADE: tuple[str, ...] = (
    "金", "华", "鑫", "宏", "永", "恒", "瑞", "兴", "海", "天", "新", "富", "盛", "泰", "隆",
    "昌", "德", "利", "嘉", "顺", "祥", "美", "佳", "丰", "源", "达", "成", "光", "明", "安")
HANZI_INDUSTRIES: tuple[str, ...] = (
    "纺织", "服装", "服饰", "制衣", "针织", "水产", "食品", "海产品", "工艺品", "皮革", "鞋业",
    "包装", "贸易", "进出口", "物流", "电子", "家具", "塑料", "五金", "机械")
HANZI_FORMS: tuple[str, ...] = (
    "有限公司", "有限责任公司", "股份有限公司", "实业有限公司", "集团有限公司")

# Hangul supplier names: 주식회사 and (주) before or after a trade name and an industry.
# 신흥 (Sinhung) and 조선 (Chosun) are left out: they spell the bundled entity.
HANGUL_TRADE: tuple[str, ...] = (
    "금강", "한빛", "대성", "태양", "동양", "삼화", "새한", "우성", "한일", "신성", "세원",
    "동아", "영진", "미래", "하나", "푸른", "보광", "일신", "대영", "성원", "한솔", "진흥",
    "삼정", "광명", "청운", "해성", "대진", "선경")
HANGUL_INDUSTRIES: tuple[str, ...] = (
    "섬유", "패션", "어패럴", "수산", "무역", "물류", "상사", "산업", "전자", "가구", "포장",
    "피혁", "제화", "니트", "식품", "통상")
HANGUL_SHAPES: tuple[str, ...] = (
    "주식회사 {trade}{industry}", "{trade}{industry} 주식회사", "(주){trade}{industry}",
    "{city}{trade}{industry} 주식회사")
HANGUL_CITIES: tuple[str, ...] = ("부산", "대구", "인천", "광주", "울산", "수원")

# Legal forms as supplier files and lists write them, longest first where one contains
# another; a name's form is found at its end (or, for PREFIX_FORMS, its start: those of
# several words in any case, the others in capitals).
LEGAL_FORMS: tuple[str, ...] = (
    "Co., Ltd.", "Co.,Ltd.", "Co. Ltd.", "Co Ltd", "Co., Limited", "Company Limited",
    "Pte. Ltd.", "Pte Ltd", "Pvt. Ltd.", "Pvt Ltd", "Private Limited", "Pty. Ltd.", "Pty Ltd",
    "Sdn. Bhd.", "Sdn Bhd", "Public Limited Company", "Limited Liability Company",
    "Closed Joint Stock Company", "Open Joint Stock Company", "Public Joint Stock Company",
    "Joint Stock Company", "S.A. de C.V.", "SA de CV", "L.L.C.", "LLC", "Ltd.", "Ltd",
    "Limited", "Incorporated", "Inc.", "Inc", "Corporation", "Corp.", "Corp", "Company", "Co.",
    "Co", "GmbH", "S.A.R.L.", "SARL", "S.A.S.", "S.R.L.", "SRL", "S.A.", "SA", "S.L.", "B.V.",
    "BV", "N.V.", "NV", "AG", "PLC", "LLP", "OJSC", "CJSC", "PJSC", "JSC", "FZCO", "FZE",
    "FZC", "FZ-LLC", "A.S.", "S.p.A.", "SpA", "Ltda.", "Ltda", "OOO", "ZAO", "OAO", "PAO",
    "TOO", "AO", "DMCC")
PREFIX_FORMS: tuple[str, ...] = (
    "Closed Joint Stock Company", "Open Joint Stock Company", "Public Joint Stock Company",
    "Joint Stock Company", "Limited Liability Company",
    "Obshchestvo s Ogranichennoi Otvetstvennostyu", "Obshchestvo s Ogranichennoy Otvetstvennostyu",
    "Obshchestvo s Ogranichennoi Otvetstvennostiu",
    "Otkrytoe Aktsionernoe Obshchestvo", "Zakrytoe Aktsionernoe Obshchestvo",
    "Publichnoe Aktsionernoe Obshchestvo", "Aktsionernoe Obshchestvo", "OOO", "ZAO", "OAO",
    "PAO", "AO", "TOO", "PT", "OJSC", "CJSC", "PJSC", "JSC", "LLC")
# What a legal form is changed to (one that differs from the name's own).
REPLACEMENT_FORMS: tuple[str, ...] = (
    "Ltd", "Limited", "Co., Ltd.", "LLC", "Inc.", "Corp.", "Corporation", "Company", "JSC",
    "S.A.", "GmbH", "PLC", "Company Limited", "Pte. Ltd.")
ABBREVIATIONS: dict[str, str] = {
    "international": "Intl", "trading": "Trdg", "corporation": "Corp", "company": "Co",
    "limited": "Ltd", "industrial": "Ind", "industry": "Ind", "industries": "Inds",
    "development": "Dev", "technology": "Tech", "technologies": "Tech",
    "engineering": "Engg", "manufacturing": "Mfg", "association": "Assn",
    "services": "Svcs", "management": "Mgmt", "brothers": "Bros", "national": "Natl",
    "department": "Dept", "group": "Grp", "holdings": "Hldgs", "enterprise": "Ent",
    "enterprises": "Ents", "import": "Imp", "export": "Exp", "organization": "Org",
    "organisation": "Org", "institute": "Inst", "incorporated": "Inc",
    "investment": "Invest", "general": "Gen",
}
STOPWORDS: frozenset[str] = frozenset({
    "of", "the", "and", "for", "de", "du", "des", "la", "le", "el", "al", "&", "y", "e", "i",
    "da", "do", "di", "von", "van", "der", "den", "und", "et", "a", "an", "in"})
