"""What a 「ほか N件」 line says: how many items a list cut, how many of them the annex lists, and where the
rest are found — the program's list of that kind, or the command line's export.

The annex lists the items a section cuts: all of them when they fit its share (the town's own size), else
the first ones of each list up to the share (``LiaisonSummaryDTO.annex_share``); a town with too many
districts for any share gets no annex, and every line says where its items are.
"""

from __future__ import annotations

import math

from sakae_council.reports.summary_parts import num
from sakae_council.services.liaison import LiaisonSummaryDTO

#: Where each kind of list is found whole: the page of the program, and the ``export`` subject if any.
WHERE = {
    "issues": ("地域課題", "issues"),
    "projects": ("協働事業", "projects"),
    "decisions": ("会議・議事録", None),
    "actions": ("会議・議事録", None),
}
#: Items of the annex on an A4 page, with the district headings between them (measured: the stress town's
#: 42,206 items took 2,091 pages; the town's 270 took 12).
ANNEX_ROWS_PER_PAGE = 20


def where(kind: str) -> str:
    """「地域課題」の一覧か export issues で — where every item of a list of ``kind`` is."""
    page, export = WHERE[kind]
    return f"「{page}」の一覧か、コマンド export {export} で" if export else f"「{page}」の各議事録で"


def more_line(kind: str, shown: int, total: int, annexed: int) -> str:
    """The 「ほか N件」 under a list cut at the limit ("" when nothing was cut)."""
    cut = total - shown
    if cut <= 0:
        return ""
    if annexed >= cut:
        return f"ほか{num(cut)}件（巻末の「付録」に掲載）"
    if annexed:
        return (
            f"ほか{num(cut)}件（うち{num(annexed)}件を巻末の「付録」に掲載。すべては{where(kind)}見られます）"
        )
    return f"ほか{num(cut)}件はこの資料に載せていません（すべては{where(kind)}見られます）"


def annex_rest_line(kind: str, left: int) -> str:
    """Under a list of the annex that stops at its share: how many are still left out, and where they are."""
    if left <= 0:
        return ""
    return f"ほか{num(left)}件は載せていません（すべては{where(kind)}見られます）"


def full_annex_pages(s: LiaisonSummaryDTO) -> int:
    """About how many pages the annex takes with every item cut in it (the full annex)."""
    return math.ceil(s.cut_items / ANNEX_ROWS_PER_PAGE) if s.cut_items else 0


def how_to_find(s: LiaisonSummaryDTO) -> str:
    """Said once, where a list left items out: where every item is, and how to print them all."""
    share = s.annex_share
    annexed = f"続きは巻末の付録に各一覧{num(share)}件まで" if share else "学区が多いため付録は付けていません"
    return (
        f"各学区の一覧は{num(s.limit)}件まで（{annexed}）。載せていない{num(s.left_out)}件は、プログラムの一覧"
        "（地域課題・協働事業・会議・議事録）で学区を選ぶと見られます。地域課題と協働事業は、コマンド "
        "sakae-council export issues（または projects）--district 学区名 -o ファイル名.xlsx --format xlsx "
        "で表に書き出せます。すべてを付録に載せた版は、印刷画面の「付録にすべて載せる」か、コマンドの "
        f"--full-annex で作れます（付録だけで約{num(full_annex_pages(s))}ページ）。"
    )
