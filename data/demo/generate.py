#!/usr/bin/env python3
"""Generate the wardsafe demo data set (phường Lam Sơn, TP Thanh Hóa).

Python 3 standard library only.  The random seed is fixed, so running

    python3 data/demo/generate.py

rewrites the CSV files beside this script byte for byte identical.
The figures are tuned to the Lam Sơn article (sơ kết 10-10-2023): see README.
The script checks its own hard requirements and stops (without writing
anything) if one of them does not hold.

CSV contract: UTF-8 without BOM, LF line endings, comma separated, a field is
quoted only when it contains a comma, a double quote or a line break,
header row first, dates YYYY-MM-DD, yes/no booleans, empty optional fields,
Vietnamese text in NFC.
"""

import calendar
import datetime
import os
import random
import sys
import unicodedata

SEED = 20231010
HERE = os.path.dirname(os.path.abspath(__file__))

rng = random.Random(SEED)

D = datetime.date
NGROUPS = 12
GROUPS = [str(i) for i in range(1, NGROUPS + 1)]


def month_end(m):
    """Last day of month m, m = 0 for January 2022 .. 23 for December 2023."""
    y = 2022 + m // 12
    mo = m % 12 + 1
    return D(y, mo, calendar.monthrange(y, mo)[1])


MONTHS = list(range(24))
MONTH_ENDS = [month_end(m) for m in MONTHS]


def rhalf(x):
    """Round half up (no banker's rounding surprises)."""
    return int(x + 0.5)


# ---------------------------------------------------------------- ward, groups

WARD = {
    "name": "Lam Sơn",
    "district": "TP Thanh Hóa",
    "province": "Thanh Hóa",
    "unit": "CÔNG AN PHƯỜNG LAM SƠN",
    "parent_unit": "CÔNG AN TP THANH HÓA",
    "place": "Lam Sơn",
}

LEADERS = [
    "Lê Văn Hùng", "Nguyễn Thị Lan", "Trịnh Đình Toàn", "Hoàng Văn Sơn",
    "Lê Thị Thu Hà", "Đỗ Xuân Bình", "Mai Văn Cường", "Nguyễn Hữu Thắng",
    "Lê Đình Quang", "Phạm Thị Hằng", "Trịnh Văn Hải", "Lương Ngọc Minh",
]

# Streets used in notes and fire point names, a few per group.
STREETS = {
    "1": ["Lê Lai", "Cửa Tả"],
    "2": ["Lê Lai", "Hàng Than"],
    "3": ["Tống Duy Tân", "Cửa Hữu"],
    "4": ["Trần Phú", "Lê Hoàn"],
    "5": ["Phan Chu Trinh", "Hàng Đồng"],
    "6": ["Cao Thắng", "Đinh Công Tráng"],
    "7": ["Nguyễn Trãi", "Lê Văn Hưu"],
    "8": ["Trường Thi", "Cao Thắng"],
    "9": ["Lê Lai", "Tống Duy Tân"],
    "10": ["Lý Thường Kiệt", "Trần Phú"],
    "11": ["Hàng Đồng", "Phan Chu Trinh"],
    "12": ["Lê Hoàn", "Đinh Công Tráng"],
}

# ---------------------------------------------------------------- population

SNAP_DATES = [D(2022, 1, 1), D(2022, 7, 1), D(2023, 1, 1), D(2023, 7, 1)]

# Households on 2023-07-01 (the latest snapshot).  Tổ 9: 181 hộ / 678 khẩu.
FINAL_HH = [208, 221, 176, 236, 193, 212, 187, 158, 181, 262, 199, 205]

pop = {}  # group -> list of (date, households, residents), oldest first
for gi, g in enumerate(GROUPS):
    hh = FINAL_HH[gi]
    ratio = rng.uniform(3.40, 3.90)
    res = 678 if g == "9" else rhalf(hh * ratio)
    snaps = [(SNAP_DATES[3], hh, res)]
    for si in (2, 1, 0):
        # walking backwards: households grew a little each half year
        # (tách hộ, new houses); tổ 6 lost two households early in 2022.
        if g == "6" and si == 0:
            d_hh = -2
        else:
            d_hh = rng.choice([0, 1, 1, 2, 2, 3, 4])
        hh = hh - d_hh
        ratio = res / snaps[-1][1] + rng.uniform(-0.035, 0.035)
        res = rhalf(hh * ratio)
        snaps.append((SNAP_DATES[si], hh, res))
    snaps.reverse()
    pop[g] = snaps


def pop_at(g, day):
    """(households, residents) of the latest snapshot dated on or before day."""
    best = None
    for (d, hh, res) in pop[g]:
        if d <= day:
            best = (hh, res)
    if best is None:
        raise ValueError("no population snapshot for group %s on %s" % (g, day))
    return best


def hh_at(g, day):
    return pop_at(g, day)[0]


def res_at(g, day):
    return pop_at(g, day)[1]


def ward_hh(day):
    return sum(hh_at(g, day) for g in GROUPS)


def ward_res(day):
    return sum(res_at(g, day) for g in GROUPS)


# ---------------------------------------------------------------- monthly paths

def profile_flat(m):
    return 1.0


def profile_fire(m):
    # 2022 slow (dry season push in Oct-Dec); 2023 campaign after
    # Chỉ thị 01/CT-TTg (3-1-2023), strongest Feb-Jun, tapering in Q4.
    if m < 9:
        return 0.8
    if m < 12:
        return 1.3
    if m < 18:
        return 1.6
    if m < 21:
        return 1.1
    return 0.5


def profile_antt(m):
    # the transformation campaign runs July-September 2023
    if 18 <= m <= 20:
        return 3.0
    return 1.0


def make_path(anchors, profile=profile_flat, zero_p=0.15):
    """Non-decreasing monthly values hitting the anchors exactly.

    anchors: dict month -> value, must contain month 0; months after the
    last anchor stay flat."""
    keys = sorted(anchors)
    vals = [None] * 24
    vals[0] = anchors[0]
    for a, b in zip(keys, keys[1:]):
        va, vb = anchors[a], anchors[b]
        if vb < va:
            raise ValueError("anchor goes down: %r" % anchors)
        w = []
        for m in range(a + 1, b + 1):
            x = profile(m) * rng.uniform(0.4, 1.6)
            if rng.random() < zero_p:
                x = 0.0
            w.append(x)
        tot = sum(w)
        if tot == 0:
            w = [1.0] * len(w)
            tot = float(len(w))
        cum = 0.0
        for i, m in enumerate(range(a + 1, b + 1)):
            cum += w[i]
            vals[m] = va + rhalf((vb - va) * cum / tot)
        vals[b] = vb
    for m in range(keys[-1] + 1, 24):
        vals[m] = vals[keys[-1]]
    return vals


def spread_to_total(values, total, lo, hi, order):
    """Add or remove 1 at a time, round robin over `order`, until the sum of
    values is total; lo[g] <= values[g] <= hi[g] is kept."""
    diff = total - sum(values[g] for g in GROUPS)
    guard = 0
    while diff != 0:
        moved = False
        for g in order:
            if diff > 0 and values[g] < hi[g]:
                values[g] += 1
                diff -= 1
                moved = True
            elif diff < 0 and values[g] > lo[g]:
                values[g] -= 1
                diff += 1
                moved = True
            if diff == 0:
                break
        guard += 1
        if not moved or guard > 1000:
            raise ValueError("cannot reach total %d" % total)
    return values


M_DEC22, M_JUN23, M_SEP23, M_DEC23 = 11, 17, 20, 23
DAY0 = MONTH_ENDS[0]
DAY_DEC22 = MONTH_ENDS[M_DEC22]
DAY_JUN23 = MONTH_ENDS[M_JUN23]
DAY_END = MONTH_ENDS[M_DEC23]
H_END = ward_hh(DAY_END)
R_END = ward_res(DAY_END)

# ---------------------------------------------------------------- extinguishers

LOW_EXT = ["3", "8", "12"]  # groups still below the 75% target at the end

ext_end = {}
for g in GROUPS:
    hh = hh_at(g, DAY_END)
    if g == "9":
        ext_end[g] = 163  # 90% of 181
    elif g in LOW_EXT:
        ext_end[g] = rhalf(hh * rng.uniform(0.64, 0.72))
    else:
        ext_end[g] = rhalf(hh * rng.uniform(0.76, 0.85))
others = [g for g in GROUPS if g != "9" and g not in LOW_EXT]
lo = {g: (int(hh_at(g, DAY_END) * 0.755) + 1 if g in others else ext_end[g])
      for g in GROUPS}
hi = {g: (int(hh_at(g, DAY_END) * 0.88) if g in others else ext_end[g])
      for g in GROUPS}
spread_to_total(ext_end, rhalf(0.762 * H_END), lo, hi, others)

# September 2023: already just over 75% ward-wide ("trên 75%" at sơ kết).
ext_sep = {}
for g in GROUPS:
    ext_sep[g] = ext_end[g] - (0 if g == "9" else rng.choice([0, 1, 1, 2, 3]))
need_sep = -(-3 * H_END // 4) + 1  # at least 75.0% plus one household
while sum(ext_sep.values()) < need_sep:
    for g in others:
        if ext_sep[g] < ext_end[g]:
            ext_sep[g] += 1
            break

with_ext = {}
extinguishers = {}
for g in GROUPS:
    anchors = {
        0: rhalf(hh_at(g, DAY0) * rng.uniform(0.30, 0.40)),
        M_DEC22: rhalf(hh_at(g, DAY_DEC22) * rng.uniform(0.46, 0.55)),
        M_SEP23: ext_sep[g],
        M_DEC23: ext_end[g],
    }
    with_ext[g] = make_path(anchors, profile_fire)
    extra = rng.uniform(0.06, 0.22)  # households with two or more bottles
    extinguishers[g] = [w + rhalf(w * extra) for w in with_ext[g]]

# ---------------------------------------------------------------- surveyed

NOT_FULL_SURVEY = {"4": 3, "10": 5}  # a few households not yet visited
surveyed = {}
for g in GROUPS:
    hh_end = hh_at(g, DAY_END)
    anchors = {
        0: rhalf(hh_at(g, DAY0) * rng.uniform(0.55, 0.65)),
        M_DEC22: rhalf(hh_at(g, DAY_DEC22) * rng.uniform(0.88, 0.95)),
        M_JUN23: rhalf(hh_at(g, DAY_JUN23) * rng.uniform(0.94, 0.97)),
        M_SEP23: rhalf(hh_end * rng.uniform(0.97, 0.99)),
        M_DEC23: hh_end - NOT_FULL_SURVEY.get(g, 0),
    }
    path = make_path(anchors)
    surveyed[g] = [max(s, w) for s, w in zip(path, with_ext[g])]

# ---------------------------------------------------------------- commitments

pccc = {}
for g in GROUPS:
    hh_end = hh_at(g, DAY_END)
    anchors = {
        0: rhalf(hh_at(g, DAY0) * rng.uniform(0.38, 0.50)),
        M_DEC22: rhalf(hh_at(g, DAY_DEC22) * rng.uniform(0.79, 0.86)),
        M_JUN23: rhalf(hh_at(g, DAY_JUN23) * rng.uniform(0.93, 0.98)),
        M_SEP23: hh_end,
        M_DEC23: hh_end,
    }
    pccc[g] = make_path(anchors, profile_fire)

ANTT_SEP = 2180  # "2.180 lượt hộ dân ... đã cam kết"
antt_sep = {g: rhalf(hh_at(g, DAY_END) * rng.uniform(0.86, 0.93))
            for g in GROUPS}
antt_end = {}
FULL_ANTT = ["5", "9"]
for g in GROUPS:
    hh_end = hh_at(g, DAY_END)
    if g in FULL_ANTT:
        antt_end[g] = hh_end
    else:
        antt_end[g] = rhalf(hh_end * rng.uniform(0.965, 0.992))
lo = {g: rhalf(hh_at(g, DAY_END) * 0.84) for g in GROUPS}
hi = {g: min(antt_end[g], rhalf(hh_at(g, DAY_END) * 0.95)) for g in GROUPS}
spread_to_total(antt_sep, ANTT_SEP, lo, hi, GROUPS)

antt = {}
for g in GROUPS:
    anchors = {
        0: rhalf(hh_at(g, DAY0) * rng.uniform(0.12, 0.20)),
        M_DEC22: rhalf(hh_at(g, DAY_DEC22) * rng.uniform(0.45, 0.58)),
        M_JUN23: rhalf(hh_at(g, DAY_JUN23) * rng.uniform(0.58, 0.66)),
        M_SEP23: antt_sep[g],
        M_DEC23: antt_end[g],
    }
    antt[g] = make_path(anchors, profile_antt)

# ---------------------------------------------------------------- app 114

LOW_APP = ["3", "8", "11"]
app_dec22 = {g: rhalf(res_at(g, DAY_DEC22) * rng.uniform(0.09, 0.155))
             for g in GROUPS}
spread_to_total(app_dec22, rhalf(0.122 * ward_res(DAY_DEC22)),
                {g: rhalf(res_at(g, DAY_DEC22) * 0.08) for g in GROUPS},
                {g: rhalf(res_at(g, DAY_DEC22) * 0.16) for g in GROUPS},
                GROUPS)
app_end = {}
for g in GROUPS:
    r = res_at(g, DAY_END)
    if g in LOW_APP:
        app_end[g] = rhalf(r * rng.uniform(0.16, 0.19))
    else:
        app_end[g] = rhalf(r * rng.uniform(0.20, 0.26))
app_others = [g for g in GROUPS if g not in LOW_APP]
spread_to_total(app_end, rhalf(0.211 * R_END),
                {g: (rhalf(res_at(g, DAY_END) * 0.201) if g in app_others
                     else app_end[g]) for g in GROUPS},
                {g: (rhalf(res_at(g, DAY_END) * 0.27) if g in app_others
                     else app_end[g]) for g in GROUPS},
                app_others)
installs = {}
for g in GROUPS:
    anchors = {
        0: rhalf(res_at(g, DAY0) * rng.uniform(0.02, 0.04)),
        M_DEC22: app_dec22[g],
        M_DEC23: app_end[g],
    }
    installs[g] = make_path(anchors, profile_fire, zero_p=0.05)

# ---------------------------------------------------------------- incidents

CAT_WEIGHTS = [
    ("theft", 30), ("motorbike_theft", 12), ("snatching", 4), ("fraud", 13),
    ("drugs", 9), ("assault", 7), ("public_disorder", 8), ("gambling", 6),
    ("cyber", 7), ("fire", 5),
]

NOTES = {
    "theft": [
        "Trộm cắp điện thoại tại nhà dân ngõ {n} {s}",
        "Trộm cắp tài sản tại cửa hàng trên phố {s}",
        "Mất trộm tiền tại nhà trọ ngõ {n} {s}",
        "Trộm cắp xe đạp điện tại ngõ {n} {s}",
        "Trộm cắp tài sản tại quán ăn phố {s}",
    ],
    "motorbike_theft": [
        "Trộm cắp xe máy tại ngõ {n} {s}",
        "Mất trộm xe máy trước cửa nhà số {h} {s}",
    ],
    "snatching": [
        "Cướp giật túi xách trên phố {s}",
        "Cướp giật điện thoại của người đi đường trên phố {s}",
    ],
    "fraud": [
        "Lừa đảo qua điện thoại, giả danh cán bộ công an",
        "Lừa đảo đầu tư trực tuyến qua mạng xã hội",
        "Lừa đảo mua bán hàng qua mạng",
    ],
    "drugs": [
        "Bắt quả tang tàng trữ trái phép chất ma túy tại ngõ {n} {s}",
        "Phát hiện đối tượng sử dụng trái phép chất ma túy",
    ],
    "assault": [
        "Xô xát gây thương tích tại quán nhậu phố {s}",
        "Cố ý gây thương tích do mâu thuẫn hàng xóm",
    ],
    "public_disorder": [
        "Gây rối trật tự tại quán karaoke phố {s}",
        "Tụ tập gây mất trật tự tại ngõ {n} {s}",
    ],
    "gambling": [
        "Bắt quả tang đánh bạc dưới hình thức ghi lô đề",
        "Đánh bạc tại nhà dân ngõ {n} {s}",
    ],
    "cyber": [
        "Chiếm đoạt tài khoản Facebook để lừa đảo",
        "Đưa thông tin sai sự thật lên mạng xã hội",
    ],
    "fire": [
        "Cháy nhà dân do chập điện, không thiệt hại về người",
        "Cháy xe máy trong nhà để xe ngõ {n} {s}",
        "Cháy cửa hàng tạp hóa trên phố {s}, đã dập tắt kịp thời",
    ],
}

# incidents per quarter, Q1 2022 .. Q4 2023 (Q2 2023 = 6, Q3 2023 = 5)
QUARTER_TOTALS = [9, 8, 10, 8, 7, 6, 5, 4]
# hot spots: market and busy streets get a little more
INC_GROUP_W = {"2": 1.3, "4": 1.4, "10": 1.5, "11": 1.2}


def note_for(cat, g):
    if rng.random() < 0.2:
        return ""
    t = rng.choice(NOTES[cat])
    return t.format(n=rng.choice([4, 6, 8, 12, 15, 18, 21, 27, 33, 45, 52, 61]),
                    h=rng.randint(3, 180), s=rng.choice(STREETS[g]))


def random_day(y, mo):
    return D(y, mo, rng.randint(1, calendar.monthrange(y, mo)[1]))


incidents = []  # (date, group, category, count, note)
seen = set()
gweights = [FINAL_HH[i] * INC_GROUP_W.get(g, 1.0) for i, g in enumerate(GROUPS)]
cats = [c for c, _ in CAT_WEIGHTS]
cweights = [w for _, w in CAT_WEIGHTS]
for q, total in enumerate(QUARTER_TOTALS):
    y = 2022 + q // 4
    first_month = (q % 4) * 3 + 1
    n = total
    if q == 3:
        n -= 2  # one row counts two incidents, added below
    if q == 0:
        n -= 1  # the homicide, added below
    for _ in range(n):
        while True:
            mo = first_month + rng.randint(0, 2)
            day = random_day(y, mo)
            g = rng.choices(GROUPS, gweights)[0]
            c = rng.choices(cats, cweights)[0]
            if (day, g, c) not in seen:
                break
        seen.add((day, g, c))
        incidents.append((day, g, c, 1, note_for(c, g)))
incidents.append((D(2022, 3, 19), "7", "homicide", 1,
                  "Án mạng do mâu thuẫn gia đình, đã bắt giữ đối tượng"))
incidents.append((D(2022, 11, 23), "10", "theft", 2,
                  "2 vụ trộm cắp tài sản trong cùng đêm tại ngõ 33 Lý Thường Kiệt"))
incidents.sort(key=lambda r: (r[0], int(r[1]), r[2]))

# ---------------------------------------------------------------- outreach

RADIO_TOPICS = [
    "Phát thanh phòng chống trộm cắp tài sản",
    "Phát thanh cảnh báo thủ đoạn lừa đảo qua mạng",
    "Phát thanh hướng dẫn PCCC trong gia đình",
    "Phát thanh vận động cài đặt ứng dụng Báo cháy 114",
    "Phát thanh phòng chống ma túy",
    "Phát thanh phòng chống tội phạm trên không gian mạng",
    "Phát thanh vận động trang bị bình chữa cháy",
]
MOBILE_TOPICS = [
    "Xe loa lưu động tuyên truyền phòng chống lừa đảo",
    "Xe loa lưu động tuyên truyền PCCC trong khu dân cư",
    "Tuyên truyền lưu động phòng chống trộm cắp",
    "Tuyên truyền lưu động về phòng chống ma túy",
]

outreach = []  # (date, kind, sessions, group, note)


def fridays(start, end):
    d = start + datetime.timedelta(days=(4 - start.weekday()) % 7)
    while d <= end:
        yield d
        d += datetime.timedelta(days=7)


Q3_START, Q3_END = D(2023, 7, 1), D(2023, 9, 30)

# radio (ward loudspeaker system): one row per week, ward level
q3_fridays = list(fridays(Q3_START, Q3_END))
q3_radio = [rng.randint(8, 13) for _ in q3_fridays]
while sum(q3_radio) != 135:
    i = rng.randrange(len(q3_radio))
    if sum(q3_radio) > 135 and q3_radio[i] > 8:
        q3_radio[i] -= 1
    elif sum(q3_radio) < 135 and q3_radio[i] < 13:
        q3_radio[i] += 1
for f in fridays(D(2022, 1, 1), D(2023, 12, 31)):
    if Q3_START <= f <= Q3_END:
        s = q3_radio[q3_fridays.index(f)]
        note = ("Phát thanh về chuyển hóa địa bàn, phòng chống trộm cắp, lừa đảo"
                if rng.random() < 0.5 else rng.choice(RADIO_TOPICS))
    else:
        if f.year == 2022:
            s = rng.randint(2, 4)
        elif f < Q3_START:
            s = rng.randint(3, 5)
        else:
            s = rng.randint(4, 6)
        note = rng.choice(RADIO_TOPICS)
    outreach.append((f, "radio", s, "", note))

# mobile (loudspeaker vehicle / on foot) by group
q3_mobile = []
for i, g in enumerate(GROUPS):  # 12/12 tổ dân phố in the campaign
    day = D(2023, 7, 6) + datetime.timedelta(days=i * 7 + rng.randint(0, 3))
    q3_mobile.append([day, g, rng.randint(2, 3)])
while sum(r[2] for r in q3_mobile) < 45:
    g = rng.choice(GROUPS)
    day = D(2023, 8, 20) + datetime.timedelta(days=rng.randint(0, 40))
    if day > Q3_END:
        day = Q3_END
    if any(r[0] == day and r[1] == g for r in q3_mobile):
        continue
    q3_mobile.append([day, g, min(rng.randint(2, 4), 45 - sum(r[2] for r in q3_mobile))])
for day, g, s in q3_mobile:
    outreach.append((day, "mobile", s, g, "Tuyên truyền lưu động về chuyển hóa địa bàn"
                     if rng.random() < 0.4 else rng.choice(MOBILE_TOPICS)))
for m in MONTHS:
    y, mo = 2022 + m // 12, m % 12 + 1
    start = D(y, mo, 1)
    if Q3_START <= start <= Q3_END:
        continue
    nrows = rng.choice([1, 1, 2]) if y == 2022 else rng.choice([2, 2, 3])
    for _ in range(nrows):
        outreach.append((random_day(y, mo), "mobile",
                         rng.randint(1, 2) if y == 2022 else rng.randint(1, 3),
                         rng.choice(GROUPS), rng.choice(MOBILE_TOPICS)))

# meetings
for q in range(8):
    y = 2022 + q // 4
    for _ in range(rng.randint(2, 4)):
        mo = (q % 4) * 3 + 1 + rng.randint(0, 2)
        g = rng.choice(GROUPS)
        outreach.append((random_day(y, mo), "meeting", 1, g,
                         rng.choice(["Họp tổ dân phố, phổ biến kiến thức PCCC",
                                     "Họp dân tuyên truyền phòng chống tội phạm",
                                     "Sinh hoạt tổ dân phố về an ninh trật tự"])))
for i, g in enumerate(GROUPS):  # after Chỉ thị 01/CT-TTg
    outreach.append((D(2023, 2, 6) + datetime.timedelta(days=i * 2 + rng.randint(0, 1)),
                     "meeting", 1, g,
                     "Hội nghị tuyên truyền PCCC, ký cam kết an toàn PCCC tại TDP %s" % g))
for i, g in enumerate(GROUPS):  # transformation plan at 12/12 groups
    outreach.append((D(2023, 7, 10) + datetime.timedelta(days=i + rng.randint(0, 1)),
                     "meeting", 1, g,
                     "Triển khai kế hoạch chuyển hóa địa bàn tại TDP %s" % g))
outreach.append((D(2022, 12, 28), "meeting", 1, "",
                 "Hội nghị tổng kết công tác bảo đảm ANTT năm 2022"))
outreach.append((D(2023, 7, 4), "meeting", 1, "",
                 "Hội nghị triển khai kế hoạch chuyển hóa địa bàn trọng điểm, phức tạp về TTATXH"))
outreach.append((D(2023, 10, 10), "meeting", 1, "",
                 "Hội nghị sơ kết 3 tháng chuyển hóa địa bàn và 9 tháng công tác PCCC&CNCH"))

# online posts
for m in MONTHS:
    y, mo = 2022 + m // 12, m % 12 + 1
    outreach.append((random_day(y, mo), "online",
                     rng.randint(2, 5) if y == 2022 else rng.randint(3, 8), "",
                     rng.choice(["Bài viết trên trang Facebook Công an phường",
                                 "Đăng tin cảnh báo lừa đảo trên Facebook phường",
                                 "Đăng tin hướng dẫn cài đặt ứng dụng Báo cháy 114"])))
    if rng.random() < 0.5:
        g = rng.choice(GROUPS)
        outreach.append((random_day(y, mo), "online", rng.randint(1, 3), g,
                         "Gửi tin tuyên truyền vào nhóm Zalo TDP %s" % g))

# other (leaflets, banners)
for q in range(8):
    y = 2022 + q // 4
    mo = (q % 4) * 3 + 1 + rng.randint(0, 2)
    if rng.random() < 0.5:
        outreach.append((random_day(y, mo), "other", 1, "",
                         "Treo băng rôn, khẩu hiệu tuyên truyền"))
    g = rng.choice(GROUPS)
    outreach.append((random_day(y, mo), "other", rng.randint(1, 2), g,
                     rng.choice(["Phát tờ rơi phòng chống lừa đảo",
                                 "Phát tờ rơi hướng dẫn PCCC cho hộ kinh doanh"])))

# no two rows with the same date, kind and group: move a clash one day on
keys = set()
fixed = []
for r in outreach:
    d = r[0]
    while (d, r[1], r[3]) in keys:
        d += datetime.timedelta(days=1)
    keys.add((d, r[1], r[3]))
    fixed.append((d,) + r[1:])
outreach = sorted(fixed, key=lambda r: (r[0], r[1], int(r[3]) if r[3] else 0))

# ---------------------------------------------------------------- fire teams

def alloc(total, weights):
    """Largest remainder allocation of total over GROUPS."""
    s = sum(weights)
    raw = [total * w / s for w in weights]
    base = [int(x) for x in raw]
    rest = sorted(range(len(raw)), key=lambda i: (base[i] - raw[i], i))
    for i in rest[: total - sum(base)]:
        base[i] += 1
    return dict(zip(GROUPS, base))


def day_between(a, b):
    return a + datetime.timedelta(days=rng.randint(0, (b - a).days))


teams_per_group = alloc(64, [h * rng.uniform(0.85, 1.15) for h in FINAL_HH])
points_per_group = alloc(23, [h * rng.uniform(0.7, 1.3) for h in FINAL_HH])

fireteam = []  # (group, kind, name, households, established, closed)
PILOT = {"9": 2, "4": 2, "10": 2, "1": 1, "6": 1}  # pilot teams set up in 2022
for g in GROUPS:
    dates = []
    for i in range(teams_per_group[g]):
        if i < PILOT.get(g, 0):
            dates.append(day_between(D(2022, 9, 5), D(2022, 12, 20)))
        else:
            dates.append(day_between(D(2023, 2, 1), D(2023, 9, 25)))
    dates.sort()
    teams = [[d, rng.choice([6, 7, 8, 8, 9, 10, 10, 11, 12, 13, 15]), ""]
             for d in dates]
    # closed teams, each replaced by a new one
    if g == "4":
        teams[0][2] = D(2023, 4, 14)  # households moved, merged into a new team
        teams.append([D(2023, 5, 8), 11, ""])
    if g == "11":
        teams[1][2] = D(2023, 6, 30)
        teams.append([D(2023, 7, 17), 9, ""])
    teams.sort(key=lambda t: t[0])
    for n, (d, hh, closed) in enumerate(teams, 1):
        fireteam.append((g, "team", "Tổ liên gia số %d - TDP %s" % (n, g), hh, d, closed))

for g in GROUPS:
    used = set()
    for i in range(points_per_group[g]):
        while True:
            name = "Điểm CCCC ngõ %d %s" % (rng.choice(
                [3, 7, 9, 12, 15, 18, 22, 27, 31, 36, 45, 52, 58, 64, 71]),
                rng.choice(STREETS[g]))
            if name not in used:
                break
        used.add(name)
        if g in ("9", "4") and i == 0:
            d = day_between(D(2022, 10, 1), D(2022, 12, 15))
        else:
            d = day_between(D(2023, 3, 1), D(2023, 9, 20))
        fireteam.append((g, "point", name, "", d, ""))
fireteam.sort(key=lambda r: (int(r[0]), r[1] != "team", r[4], r[2]))

# ---------------------------------------------------------------- establishments

ESTABLISHMENTS = [
    (D(2022, 3, 31), 601, 352),
    (D(2022, 6, 30), 604, 398),
    (D(2022, 9, 30), 608, 441),
    (D(2022, 12, 31), 603, 486),  # review: businesses that closed removed
    (D(2023, 3, 31), 607, 533),
    (D(2023, 6, 30), 611, 578),
    (D(2023, 9, 30), 615, 615),
    (D(2023, 12, 31), 615, 615),
]

TARGETS = [
    (2022, "extinguisher", 50), (2022, "app114", 10),
    (2022, "pccc_commitment", 80), (2022, "antt_commitment", 80),
    (2022, "survey_coverage", 90), (2022, "establishment_files", 90),
    (2023, "extinguisher", 75), (2023, "app114", 20),
    (2023, "pccc_commitment", 100), (2023, "antt_commitment", 100),
    (2023, "survey_coverage", 100), (2023, "establishment_files", 100),
]

# ---------------------------------------------------------------- tables

tables = {}
tables["ward.csv"] = (["name", "district", "province", "unit", "parent_unit", "place"],
                      [[WARD[k] for k in ("name", "district", "province", "unit",
                                          "parent_unit", "place")]])
tables["group.csv"] = (["code", "name", "leader", "active", "closed"],
                       [[g, "Tổ dân phố %s" % g, LEADERS[i], "yes", ""]
                        for i, g in enumerate(GROUPS)])
tables["population.csv"] = (["group", "date", "households", "residents"],
                            [[g, d, hh, res] for g in GROUPS for (d, hh, res) in pop[g]])
tables["survey.csv"] = (["group", "date", "surveyed", "with_extinguisher", "extinguishers"],
                        [[g, MONTH_ENDS[m], surveyed[g][m], with_ext[g][m],
                          extinguishers[g][m]] for m in MONTHS for g in GROUPS])
tables["commitment.csv"] = (["group", "date", "pccc", "antt"],
                            [[g, MONTH_ENDS[m], pccc[g][m], antt[g][m]]
                             for m in MONTHS for g in GROUPS])
tables["app114.csv"] = (["group", "date", "installs"],
                        [[g, MONTH_ENDS[m], installs[g][m]]
                         for m in MONTHS for g in GROUPS])
tables["incident.csv"] = (["group", "date", "category", "count", "note"],
                          [[g, d, c, n, note] for (d, g, c, n, note) in incidents])
tables["outreach.csv"] = (["date", "kind", "sessions", "group", "note"],
                          [list(r) for r in outreach])
tables["fireteam.csv"] = (["group", "kind", "name", "households", "established", "closed"],
                          [list(r) for r in fireteam])
tables["establishments.csv"] = (["date", "managed", "with_file"],
                                [list(r) for r in ESTABLISHMENTS])
tables["target.csv"] = (["year", "indicator", "value"], [list(r) for r in TARGETS])


# ---------------------------------------------------------------- checks

def check():
    errs = []

    def need(cond, msg):
        if not cond:
            errs.append(msg)

    hh_total0 = ward_hh(DAY0)
    need(2300 <= hh_total0 <= 2500 and 2300 <= H_END <= 2500,
         "ward households %d / %d" % (hh_total0, H_END))
    for g in GROUPS:
        for (d, hh, res) in pop[g]:
            need(150 <= hh <= 300, "hh range %s %s" % (g, d))
            need(3.3 <= res / hh <= 4.0, "res/hh %s %s" % (g, d))
    need(pop["9"][-1][1:] == (181, 678), "group 9 snapshot")
    for g in GROUPS:
        for m in MONTHS:
            day = MONTH_ENDS[m]
            hh, res = pop_at(g, day)
            need(with_ext[g][m] <= surveyed[g][m] <= hh, "survey %s %s" % (g, day))
            need(extinguishers[g][m] >= with_ext[g][m], "bottles %s %s" % (g, day))
            need(pccc[g][m] <= hh and antt[g][m] <= hh, "commit %s %s" % (g, day))
            need(installs[g][m] <= res, "installs %s %s" % (g, day))
            if m:
                for name, series in (("surveyed", surveyed), ("with_ext", with_ext),
                                     ("extinguishers", extinguishers),
                                     ("pccc", pccc), ("antt", antt),
                                     ("installs", installs)):
                    need(series[g][m] >= series[g][m - 1],
                         "%s goes down %s %s" % (name, g, day))
        need(pccc[g][M_DEC23] == hh_at(g, DAY_END), "pccc 100%% %s" % g)
    ext_pct = 100.0 * sum(with_ext[g][M_DEC23] for g in GROUPS) / H_END
    need(75.0 <= ext_pct <= 77.0, "ward extinguisher %.2f" % ext_pct)
    need(with_ext["9"][M_DEC23] == 163, "group 9 extinguishers")
    low = [g for g in GROUPS if with_ext[g][M_DEC23] / hh_at(g, DAY_END) < 0.75]
    need(2 <= len(low) <= 3, "groups below 75%%: %s" % low)
    need(sum(antt[g][M_SEP23] for g in GROUPS) == ANTT_SEP, "antt sep")
    need(sum(antt[g][M_DEC23] for g in GROUPS) < H_END, "antt not all 100%")

    def inc_sum(a, b):
        return sum(n for (d, g, c, n, note) in incidents if a <= d <= b)
    need(inc_sum(D(2023, 7, 1), D(2023, 9, 30)) == 5, "incidents Q3")
    need(inc_sum(D(2023, 4, 1), D(2023, 6, 30)) == 6, "incidents Q2")
    need(not any(c == "homicide" and Q3_START <= d <= Q3_END
                 for (d, g, c, n, note) in incidents), "homicide in Q3")

    def out_sum(kind):
        return sum(s for (d, k, s, g, note) in outreach
                   if k == kind and Q3_START <= d <= Q3_END)
    need(out_sum("radio") == 135, "radio Q3 %d" % out_sum("radio"))
    need(out_sum("mobile") == 45, "mobile Q3 %d" % out_sum("mobile"))
    end = D(2023, 12, 31)

    def active(r):
        return r[4] <= end and (r[5] == "" or r[5] > end)
    need(sum(1 for r in fireteam if r[1] == "team" and active(r)) == 64, "64 teams")
    need(sum(1 for r in fireteam if r[1] == "point" and active(r)) == 23, "23 points")
    for r in fireteam:
        if r[1] == "team":
            need(5 <= r[3] <= 15, "team households %s" % r[2])
        if r[5] != "":
            need(r[5] > r[4], "closed before established %s" % r[2])
    need(len({(r[0], r[2]) for r in fireteam}) == len(fireteam), "fireteam names")
    for (d, managed, with_file) in ESTABLISHMENTS:
        need(with_file <= managed, "establishments %s" % d)
    if errs:
        sys.stderr.write("generate.py: requirement not met:\n  " + "\n  ".join(errs) + "\n")
        sys.exit(1)


# ---------------------------------------------------------------- writing

def field(v):
    if isinstance(v, D):
        s = v.isoformat()
    elif isinstance(v, bool):
        s = "yes" if v else "no"
    else:
        s = str(v)
    s = unicodedata.normalize("NFC", s)
    if any(ch in s for ch in ',"\r\n'):
        s = '"' + s.replace('"', '""') + '"'
    return s


def write_csv(name, header, rows):
    lines = [",".join(field(h) for h in header)]
    for r in rows:
        if len(r) != len(header):
            raise ValueError("%s: row width %r" % (name, r))
        lines.append(",".join(field(v) for v in r))
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


def main():
    check()
    for name in sorted(tables):
        header, rows = tables[name]
        write_csv(name, header, rows)


if __name__ == "__main__":
    main()
