"""Violation types with legal citations, fine options and fact/Q&A templates.

Templates use ``str.format`` fields filled by ``content.facts``: when, date, place, plate, vehicle, name,
driver, dest, n, fee, months, w, lim, over, axles, station, goods, vessel, need, last.
"""

from __future__ import annotations

from dataclasses import dataclass, field

QA = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Violation:
    key: str
    cause: str  # 案由 without the trailing 案
    breach: str  # the provision broken
    basis: str  # the penalty provision
    act: str  # the facts as one sentence (notice, decision, report)
    scene: str  # main content of the 现场笔录
    qa: QA  # violation-specific questions of the 询问笔录
    fines: dict[str, tuple[int, ...]]  # party kind -> fines for the ordinary procedure
    summary_fines: dict[str, tuple[int, ...]] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()
    vehicle: str = "car"  # car | truck | vessel
    compulsion: bool = False  # 扣押 of the vehicle is plausible
    maritime: bool = False


ROAD = "《中华人民共和国道路运输条例》"
VIOLATIONS: tuple[Violation, ...] = (
    Violation(
        "feifa_keyun",
        "未取得道路运输经营许可擅自从事道路旅客运输经营",
        ROAD + "第十条第一款",
        ROAD + "第六十三条",
        "{when}，{name}驾驶{plate}{vehicle}在{place}搭载乘客{n}名前往{dest}，双方约定车费{fee}元，"
        "经查{name}未取得道路运输经营许可，擅自从事道路旅客运输经营",
        "执法人员在{place}开展检查，发现{plate}{vehicle}搭载乘客{n}名。经询问，乘客称通过熟人介绍乘坐该车前往"
        "{dest}，约定车费{fee}元。驾驶员{driver}未能出示道路运输证及道路运输从业资格证。执法人员对车辆及乘客进行了拍照取证。",
        (
            ("你驾驶的{plate}车辆是谁的？", "是我自己的车，登记在我名下。"),
            ("{date}你驾驶该车在{place}做什么？", "送{n}个人去{dest}。"),
            ("车上的乘客你认识吗？", "不认识，是在路边招呼上车的。"),
            ("你和乘客约定收取多少费用？", "说好一共{fee}元，还没有收。"),
            ("该车是否办理了道路运输证？你是否取得道路运输经营许可？", "都没有办理。"),
            ("你从事这种载客活动多长时间了？", "大概{months}个月，平时有空就拉一下。"),
        ),
        {"individual": (10000, 15000, 20000, 30000)},
        evidence=("身份证复印件", "机动车行驶证复印件", "现场照片"),
        compulsion=True,
    ),
    Violation(
        "wangyueche",
        "未取得网络预约出租汽车运输证从事网约车经营",
        "《网络预约出租汽车经营服务管理暂行办法》第十三条",
        "《网络预约出租汽车经营服务管理暂行办法》第三十四条第（二）项",
        "{when}，{name}驾驶{plate}{vehicle}通过网络预约出租汽车平台接单，在{place}搭载乘客前往{dest}，订单金额{fee}元，"
        "经查该车辆未取得《网络预约出租汽车运输证》",
        "执法人员在{place}检查时，发现{plate}{vehicle}正在上客。驾驶员{driver}出示的手机显示网约车平台订单，目的地为"
        "{dest}，订单金额{fee}元。驾驶员未能出示《网络预约出租汽车运输证》。执法人员对订单页面进行了截图和拍照。",
        (
            ("{date}你驾驶{plate}在{place}做什么？", "接了一个网约车订单，送乘客去{dest}。"),
            ("订单金额是多少？通过哪个平台接的单？", "{fee}元，是在手机平台上接的。"),
            ("该车是否取得《网络预约出租汽车运输证》？", "还没有办下来。"),
            ("你从事网约车经营多长时间了？", "{months}个月左右。"),
        ),
        {"individual": (3000, 5000, 8000, 10000)},
        evidence=("机动车驾驶证复印件", "网约车订单截图", "现场照片"),
        compulsion=True,
    ),
    Violation(
        "chaoxian",
        "车辆超限运输",
        "《公路安全保护条例》第三十三条第一款",
        "《公路安全保护条例》第六十四条、《超限运输车辆行驶公路管理规定》第四十三条第一款第（二）项",
        "{when}，{name}所属的{plate}{vehicle}（{axles}轴）由驾驶员{driver}驾驶，经{station}称重检测，车货总质量"
        "{w}吨，超过限定标准{lim}吨，超限{over}吨，擅自在公路上超限行驶",
        "执法人员在{station}对{plate}{vehicle}进行称重检测，车货总质量{w}吨，该车为{axles}轴车辆，限定标准{lim}吨，"
        "超限{over}吨。驾驶员{driver}在场，对检测结果无异议。执法人员责令当事人自行卸载超限货物。",
        (
            ("{plate}车辆登记在谁的名下？", "登记在{name}名下。"),
            ("{date}该车装载的是什么货物？从哪里运往哪里？", "装的是钢材，从{place}运往{dest}。"),
            ("对称重检测结果有没有异议？", "没有异议，车货总重{w}吨。"),
            ("是否办理了超限运输许可？", "没有办理。"),
        ),
        {"individual": (2000, 5000, 8000, 12000, 15000), "organisation": (5000, 8000, 10000, 15000, 30000)},
        evidence=("称重检测单", "机动车行驶证复印件", "道路运输证复印件", "现场照片"),
        vehicle="truck",
    ),
    Violation(
        "weihu",
        "未按照规定对道路运输车辆进行维护",
        "《道路运输车辆技术管理规定》第十三条第一款",
        "《道路运输车辆技术管理规定》第三十一条第一款",
        "{name}所属的{plate}{vehicle}未按照规定的周期对车辆进行二级维护，最近一次维护时间为{last}，"
        "至{date}执法人员检查时已超过规定维护周期",
        "执法人员在{place}对{name}进行检查，调阅{plate}{vehicle}车辆技术档案，最近一次二级维护时间为{last}，"
        "此后无维护记录。当事人安全主管{driver}在场，对检查情况予以确认。",
        (
            ("{plate}车辆是否属于你公司所有？", "是我公司的营运车辆。"),
            ("该车最近一次二级维护是什么时候？", "{last}，之后一直没有做。"),
            ("为什么没有按照规定周期进行维护？", "车辆一直在跑业务，疏忽了。"),
        ),
        {"organisation": (1000, 2000, 3000, 5000)},
        {"organisation": (1000, 2000, 3000)},
        evidence=("营业执照复印件", "道路运输证复印件", "车辆技术档案复印件"),
        vehicle="truck",
    ),
    Violation(
        "congye",
        "未取得从业资格证从事道路货物运输经营",
        "《道路运输从业人员管理规定》第六条",
        "《道路运输从业人员管理规定》第四十五条第一款第（一）项",
        "{when}，{name}在未取得道路运输从业人员从业资格证的情况下，驾驶{plate}{vehicle}在{place}从事道路货物运输经营",
        "执法人员在{place}对{plate}{vehicle}进行检查，驾驶员{driver}未能出示道路运输从业人员从业资格证，"
        "经系统查询，该驾驶员未取得从业资格证。",
        (
            ("你是否取得了道路货物运输从业资格证？", "没有考。"),
            ("{date}你驾驶{plate}运输什么货物？", "帮人拉一车建材去{dest}，运费{fee}元。"),
        ),
        {"individual": (500, 1000, 2000)},
        {"individual": (200,)},
        evidence=("机动车驾驶证复印件", "机动车行驶证复印件"),
        vehicle="truck",
    ),
    Violation(
        "weixiedai",
        "未按照规定随车携带道路运输证",
        ROAD + "第三十四条",
        ROAD + "第六十八条",
        "{when}，{name}驾驶{plate}{vehicle}在{place}从事道路货物运输经营，未按照规定随车携带《道路运输证》",
        "执法人员在{place}对{plate}{vehicle}进行检查，驾驶员{driver}未能出示该车《道路运输证》。",
        (("你为什么没有随车携带道路运输证？", "忘在家里了。"),),
        {"individual": (100, 200)},
        {"individual": (50, 100, 200), "organisation": (200,)},
        evidence=("机动车行驶证复印件",),
        vehicle="truck",
    ),
    Violation(
        "weixian",
        "未取得道路危险货物运输许可擅自从事道路危险货物运输",
        ROAD + "第二十四条",
        ROAD + "第六十三条",
        "{when}，{name}未取得道路危险货物运输许可，使用{plate}{vehicle}装载{goods}在{place}行驶，擅自从事道路危险货物运输",
        "执法人员在{place}对{plate}{vehicle}进行检查，发现该车装载{goods}，驾驶员{driver}未能出示道路危险货物运输许可证明"
        "及车辆道路运输证。执法人员依法对车辆实施扣押并拍照取证。",
        (
            ("该车装载的是什么货物？", "{goods}。"),
            ("你单位是否取得道路危险货物运输许可？", "没有取得。"),
            ("这车货从哪里运往哪里？", "从{place}运往{dest}。"),
        ),
        {"organisation": (30000, 50000, 80000, 100000)},
        evidence=("营业执照复印件", "机动车行驶证复印件", "现场照片"),
        vehicle="truck",
        compulsion=True,
    ),
    Violation(
        "zhandian",
        "客运班车未按照批准的客运站点停靠",
        ROAD + "第三十五条",
        ROAD + "第七十条第一款第（一）项",
        "{when}，{name}所属的{plate}客运班车由驾驶员{driver}驾驶，在{place}站外上客，未按照批准的客运站点停靠",
        "执法人员在{place}发现{plate}客运班车停车上客，驾驶员{driver}在场。该班车批准的停靠站点不包括该地点。",
        (
            ("{plate}客运班车批准的停靠站点有哪些？", "起讫站和途经的两个客运站。"),
            ("{date}该车为什么在{place}上客？", "有乘客招手，驾驶员就停车了。"),
        ),
        {"organisation": (1000, 2000, 3000)},
        evidence=("营业执照复印件", "道路运输证复印件", "现场照片"),
    ),
    Violation(
        "peiyuan",
        "船舶未按照规定配备船员",
        "《中华人民共和国内河交通安全管理条例》第六条第（三）项",
        "《中华人民共和国内河交通安全管理条例》第六十五条",
        "{when}，{name}所属的“{vessel}”轮在{place}航行，船上仅配备船员{n}名，少于船舶最低安全配员证书规定的{need}名",
        "执法人员在{place}对“{vessel}”轮进行检查，船上在岗船员{n}名，船舶最低安全配员证书要求{need}名，"
        "船长{driver}在场，对检查情况予以确认。",
        (
            ("“{vessel}”轮是谁所有？", "是{name}的。"),
            ("{date}船上有几名船员？", "{n}名。"),
            ("最低安全配员证书要求几名？", "{need}名。"),
        ),
        {"individual": (10000, 20000, 30000), "organisation": (20000, 50000, 100000)},
        evidence=("船舶国籍证书复印件", "船舶最低安全配员证书复印件", "现场照片"),
        vehicle="vessel",
        maritime=True,
    ),
    Violation(
        "shiren",
        "船员未携带适任证书在船服务",
        "《中华人民共和国船员条例》第十六条",
        "《中华人民共和国船员条例》第五十三条",
        "{when}，{name}在“{vessel}”轮担任船长，在{place}航行时未随船携带船员适任证书",
        "执法人员在{place}对“{vessel}”轮进行检查，船长{driver}未能出示船员适任证书。",
        (("你为什么没有携带适任证书？", "证书放在家里，忘了带。"),),
        {"individual": (200, 500)},
        {"individual": (100, 200)},
        evidence=("船舶国籍证书复印件",),
        vehicle="vessel",
        maritime=True,
    ),
)

DESTINATIONS = ("广州南站", "深圳北站", "市人民医院", "白云机场", "汽车客运站", "工业园区", "火车站", "县城")
GOODS = ("柴油", "液化石油气", "乙醇", "油漆", "甲醇")
