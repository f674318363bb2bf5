"""Units that lines never break inside: a person's name (<nobr>) and the 番地 of an address."""

from __future__ import annotations

from reportlab.lib.units import mm

from sakae_council.reports.fonts import markup
from sakae_council.reports.paragraph import JPParagraph
from sakae_council.reports.roster import address_markup
from sakae_council.reports.style import name_para, styles

ADDRESS = "千葉県印旛郡栄町安食台3丁目12番地の4 コーポ栄201"


def _lines(p: JPParagraph, width: float) -> list[str]:
    p.wrap(width, 10_000)
    return ["".join(w.text for w in line.words) for line in p.blPara.lines]


def test_the_banchi_of_an_address_stays_on_one_line_at_every_column_width() -> None:
    cell = styles().cell
    broken_plain = 0
    for width in range(40, 90):  # from the width the 番地 part fits in (37 mm at 10.5 pt)
        lines = _lines(JPParagraph(address_markup(ADDRESS, cell.fontName), cell), width * mm)
        assert "".join(lines) == ADDRESS
        assert any("安食台3丁目12番地の4" in line for line in lines), (width, lines)
        plain = _lines(JPParagraph(markup(ADDRESS, cell.fontName), cell), width * mm)
        broken_plain += not any("安食台3丁目12番地の4" in line for line in plain)
    assert broken_plain > 10  # without the rule the 番地 is cut at many widths


def test_a_name_is_never_cut_but_a_name_longer_than_the_line_still_wraps() -> None:
    body = styles().body
    text = "出席者は" + "、".join(f"田村 美紀{i:02d}" for i in range(12)) + "である。"
    for width in range(40, 120, 3):
        p = JPParagraph(
            markup("出席者は", body.fontName)
            + markup("、", body.fontName).join(
                f"<nobr>{markup(f'田村 美紀{i:02d}', body.fontName)}</nobr>" for i in range(12)
            )
            + markup("である。", body.fontName),
            body,
        )
        lines = _lines(p, width * mm)
        assert "".join(lines) == text
        for i in range(12):
            assert any(f"田村 美紀{i:02d}" in line for line in lines), (width, lines)
    long_name = name_para("寿限無寿限無五劫の擦り切れ海砂利水魚の水行末雲来末風来末", body)
    assert len(_lines(long_name, 30 * mm)) > 1  # longer than the line: wraps where it must


def test_an_address_breaks_only_between_its_place_names() -> None:
    cell = styles().cell
    for width in range(40, 90):
        lines = _lines(JPParagraph(address_markup(ADDRESS, cell.fontName), cell), width * mm)
        assert "".join(lines) == ADDRESS
        for part in ("千葉県", "印旛郡", "栄町", "安食台3丁目12番地の4", "コーポ栄201"):
            assert any(part in line for line in lines), (width, part, lines)
